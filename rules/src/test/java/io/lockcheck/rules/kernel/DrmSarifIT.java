package io.lockcheck.rules.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockcheck.report.ReportOptions;
import io.lockcheck.report.Reports;
import io.lockcheck.rule.AnalysisResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The SARIF of the whole {@code drivers/gpu/drm} run, written by the real report code with the
 * options the CLI uses ({@code --srcroot} the kernel tree), passes Microsoft's SARIF Multitool
 * ({@code validate --rule-kind "Gh;Sarif"}: SARIF spec rules plus GitHub code scanning's) with
 * zero errors and zero warnings. The Multitool comes from {@code .ci/run}
 * ({@code LOCKCHECK_MULTITOOL}); missing, the test fails under {@code CI=true} and is skipped elsewhere.
 */
class DrmSarifIT {
    /** All rules on except SARIF2006, which fetches URIs over the network (builds are offline). */
    private static final String OFFLINE_CONFIG = """
            <?xml version="1.0" encoding="utf-8"?>
            <Properties>
              <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
                <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
              </Properties>
            </Properties>
            """;

    @TempDir
    Path dir;

    @Test
    void drmSarifHasNoMultitoolErrorsOrWarnings() throws Exception {
        Path multitool = multitool();
        Path tree = DrmTreeIT.kernelTree();
        AnalysisResult drm = DrmTreeIT.wholeDrm();
        Path sarif = dir.resolve("drm.sarif");
        Properties version = cliVersion();
        String uri = version.getProperty("informationUri", "");
        ReportOptions options = new ReportOptions(tree, version.getProperty("version", "unknown"), false,
                uri.isEmpty() || uri.startsWith("${") ? null : URI.create(uri), null);
        try (Writer w = Files.newBufferedWriter(sarif, StandardCharsets.UTF_8)) {
            Reports.forFormat("sarif").write(drm, options, w);
        }
        System.out.printf(Locale.ROOT, "drivers/gpu/drm SARIF: %d results, %.1f MB%n", drm.findings().size(),
                Files.size(sarif) / 1e6);

        long start = System.nanoTime();
        List<JsonNode> results = validate(multitool, sarif);
        System.out.printf(Locale.ROOT, "SARIF Multitool: %d results in %.1f s%n", results.size(),
                (System.nanoTime() - start) / 1e9);
        Map<String, Integer> perRule = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode r : results) {
            String level = r.has("level") ? r.get("level").asText() : "warning"; // SARIF's default level
            if (!level.equals("error") && !level.equals("warning")) continue;
            String rule = r.get("ruleId").asText();
            if (perRule.merge(rule, 1, Integer::sum) <= 5) { // a few examples of each
                problems.add(rule + " " + level + " " + r.at("/properties/jsonPath").asText() + ": "
                        + r.at("/message/arguments"));
            }
        }
        assertTrue(problems.isEmpty(), () -> "SARIF Multitool problems (count per rule " + perRule + "):\n"
                + String.join("\n", problems));
        // Every log draws some notes (e.g. SARIF2003); none at all means the Multitool could not read it.
        assertTrue(!results.isEmpty(), "the Multitool reported nothing for drm.sarif: it probably could not read it");
    }

    /**
     * The samples as the CLI writes them with every SARIF extra on: suppressed findings with their
     * in-source suppressions, a category (runAutomationDetails), the warnings about suppression
     * comments without a reason.
     */
    @Test
    void samplesSarifWithSuppressionsHasNoMultitoolErrorsOrWarnings() throws Exception {
        Path multitool = multitool();
        Path samples = Path.of(System.getProperty("lockcheck.samples", "../samples")).toAbsolutePath().normalize();
        Path tree = dir.resolve("tree");
        Files.createDirectories(tree);
        // a suppression comment without a reason, to have its notification in the log too
        Files.writeString(tree.resolve("no-reason.c"), """
                struct s { int lock; int x __guarded_by(&lock); };
                int f(struct s *p)
                {
                	return p->x; /* lockcheck: ignore LC001 */
                }
                """);
        Path sarif = dir.resolve("samples.sarif");
        int exit = io.lockcheck.cli.Main.run(System.out, System.err, "check", "--format", "sarif", "--include-suppressed",
                "--category", "lockcheck-samples", "--srcroot", samples.getParent().toString(), "-o", sarif.toString(),
                samples.toString(), tree.resolve("no-reason.c").toString());
        assertEquals(1, exit);
        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0");
        assertTrue(run.toString().contains("\"suppressions\""), "the samples have suppressed findings");
        assertTrue(run.at("/invocations/0/toolExecutionNotifications").toString().contains("has no reason"));
        List<String> problems = new ArrayList<>();
        List<JsonNode> results = validate(multitool, sarif);
        for (JsonNode r : results) {
            String level = r.has("level") ? r.get("level").asText() : "warning";
            if (level.equals("error") || level.equals("warning")) {
                problems.add(r.get("ruleId").asText() + " " + level + " " + r.at("/properties/jsonPath").asText() + ": "
                        + r.at("/message/arguments"));
            }
        }
        assertTrue(problems.isEmpty(), () -> "SARIF Multitool problems:\n" + String.join("\n", problems));
        assertTrue(!results.isEmpty(), "the Multitool reported nothing for samples.sarif: it probably could not read it");
    }

    /** The version and information URI the CLI puts in tool.driver (Maven-filtered, in the analyzer jar). */
    private static Properties cliVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportOptions.class.getResourceAsStream("/io/lockcheck/version.properties")) {
            if (in != null) p.load(in);
        }
        return p;
    }

    private static Path multitool() {
        String configured = System.getProperty("lockcheck.multitool");
        if (configured == null || configured.isBlank() || configured.startsWith("${")) {
            configured = System.getenv("LOCKCHECK_MULTITOOL");
        }
        if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
            return Path.of(configured);
        }
        String why = "SARIF Multitool not found: run .ci/run or set LOCKCHECK_MULTITOOL (was " + configured + ")";
        if ("true".equals(System.getenv("CI"))) fail(why);
        System.out.println("SKIPPED " + why);
        Assumptions.abort(why);
        return null;
    }

    /** Runs the validator; returns the results of its own SARIF log, notes included. */
    private List<JsonNode> validate(Path multitool, Path sarif) throws IOException, InterruptedException {
        Path config = Files.writeString(dir.resolve("multitool-offline.xml"), OFFLINE_CONFIG);
        Path out = dir.resolve("multitool.sarif");
        Path console = dir.resolve("multitool.console");
        // List-valued options swallow the words after them, so a scalar option comes last.
        // the whole-tree log is far larger than the Multitool's default limit (10,000 KB): raise it
        String kb = Long.toString(Files.size(sarif) / 1024 + 1024);
        Process p = new ProcessBuilder(multitool.toString(), "validate", "--max-file-size-in-kb", kb, "--rule-kind", "Gh;Sarif",
                "--level", "Error;Warning;Note", "--log", "ForceOverwrite", "--config", config.toString(),
                "--output", out.toString(), sarif.toString())
                .redirectErrorStream(true).redirectOutput(console.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        boolean finished = p.waitFor(300, TimeUnit.SECONDS);
        if (!finished) p.destroyForcibly();
        String text = Files.readString(console, StandardCharsets.UTF_8);
        assertTrue(finished, () -> "SARIF Multitool timed out:\n" + text);
        assertEquals(0, p.exitValue(), () -> "SARIF Multitool failed:\n" + text);
        assertTrue(Files.exists(out), () -> "SARIF Multitool wrote no log:\n" + text);
        JsonNode run = new ObjectMapper().readTree(out.toFile()).at("/runs/0");
        for (JsonNode n : run.at("/invocations/0/toolExecutionNotifications")) {
            fail("SARIF Multitool could not run cleanly: " + n + "\n" + text);
        }
        for (JsonNode n : run.at("/invocations/0/toolConfigurationNotifications")) {
            boolean disabledUriFetching = n.at("/descriptor/id").asText().startsWith("WRN999")
                    && n.at("/message/text").asText().contains("'SARIF2006'");
            assertTrue(disabledUriFetching, () -> "SARIF Multitool configuration problem: " + n + "\n" + text);
        }
        List<JsonNode> results = new ArrayList<>();
        run.get("results").forEach(results::add);
        return results;
    }
}
