package io.lockcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs Microsoft's SARIF Multitool ({@code validate --rule-kind "Gh;Sarif"}: the SARIF spec
 * rules plus GitHub code scanning's ingestion rules) on our output and requires zero errors and
 * zero warnings. The tool exits 0 whatever it finds, so its SARIF log is read instead; and it
 * silently reports nothing for a file it cannot deserialize, so "no notes either" is a failure.
 *
 * <p>The binary comes from {@code .ci/run} (npm package {@code @microsoft/sarif-multitool-linux}):
 * system property {@code lockcheck.multitool}, env {@code LOCKCHECK_MULTITOOL}, else
 * {@code .ci/node_modules/...} in the checkout. Missing, the test fails under {@code CI=true}
 * and is skipped elsewhere.
 */
class SarifMultitoolTest {
    private static final String INSTALLED = ".ci/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
    private Path multitool;

    @TempDir
    Path dir;

    @BeforeEach
    void locate() {
        multitool = find();
        if (multitool == null) {
            String why = "SARIF Multitool not found (set -Dlockcheck.multitool or LOCKCHECK_MULTITOOL, or run .ci/run "
                    + "to install it into " + INSTALLED + ")";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    @Test
    void ourSarifHasNoErrorsOrWarnings() throws Exception {
        Path root = Path.of("/work/linux");
        // SARIF2005 warns about a driver without informationUri; the CLI has to supply the
        // project's home page, which the report cannot know.
        URI home = URI.create("https://example.org/lockcheck");
        List<Path> files = List.of(
                write("with-srcroot.sarif", SarifReportTest.sarif(SampleResults.full(root),
                        new ReportOptions(root, "0.1.0-SNAPSHOT", false, home, null))),
                write("relative.sarif", SarifReportTest.sarif(SampleResults.full(Path.of("")),
                        new ReportOptions(null, "0.1.0-SNAPSHOT", false, home, null))),
                write("absolute-timed.sarif", SarifReportTest.sarif(SampleResults.full(root),
                        new ReportOptions(null, "0.1.0-SNAPSHOT", false, home, Instant.parse("2024-01-02T03:04:05.678Z")))),
                write("suppressions.sarif", SarifReportTest.sarif(SampleResults.withSuppressions(root),
                        new ReportOptions(root, "0.1.0-SNAPSHOT", false, home, null, "lockcheck-drm", true))),
                write("clean.sarif", SarifReportTest.sarif(SampleResults.clean(), new ReportOptions(root, "0.1.0-SNAPSHOT", false, home, null))),
                write("empty.sarif", SarifReportTest.sarif(SampleResults.empty(), new ReportOptions(null, "0.1.0-SNAPSHOT", false, home, null))));
        List<String> problems = new ArrayList<>();
        List<String> analysed = new ArrayList<>();
        for (JsonNode r : validate(files)) {
            analysed.add(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
            String level = r.has("level") ? r.get("level").asText() : "warning"; // SARIF's default level
            if (level.equals("error") || level.equals("warning")) {
                problems.add(r.get("ruleId").asText() + " " + level + " at " + r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()
                        + " " + r.at("/properties/jsonPath").asText() + ": " + r.at("/message/arguments"));
            }
        }
        assertTrue(problems.isEmpty(), () -> "SARIF Multitool problems:\n" + String.join("\n", problems));
        for (Path f : files) {
            // Every file draws some notes (e.g. SARIF2003, no versionControlProvenance); none at
            // all means the Multitool failed to read the file and checked nothing.
            assertTrue(analysed.stream().anyMatch(uri -> uri.endsWith("/" + f.getFileName())),
                    () -> "the Multitool reported nothing for " + f.getFileName() + ": it probably could not read it");
        }
    }

    /** The check above is only as good as the tool's rules: a log without $schema must be caught. */
    @Test
    void multitoolCatchesAKnownDefect() throws Exception {
        ObjectNode log = (ObjectNode) SarifReportTest.parse(
                SarifReportTest.sarif(SampleResults.full(Path.of("/work/linux")), new ReportOptions(Path.of("/work/linux"), "0.1.0", false)));
        log.remove("$schema");
        Path file = write("no-schema.sarif", new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(log));
        List<String> rules = new ArrayList<>();
        for (JsonNode r : validate(List.of(file))) {
            rules.add(r.get("ruleId").asText());
        }
        assertTrue(rules.contains("GH1013") || rules.contains("SARIF2008"), "missing $schema not reported; got " + rules);
    }

    /** Runs the validator and returns the results of its own SARIF log, notes included. */
    private List<JsonNode> validate(List<Path> files) throws IOException, InterruptedException {
        Path out = dir.resolve("multitool-" + System.nanoTime() + ".sarif");
        // List-valued options swallow the words after them, so a scalar option comes last.
        List<String> cmd = new ArrayList<>(List.of(multitool.toString(), "validate",
                "--rule-kind", "Gh;Sarif", "--level", "Error;Warning;Note", "--log", "ForceOverwrite",
                "--config", offlineConfig().toString(), "--output", out.toString()));
        files.forEach(f -> cmd.add(f.toString()));
        Path consoleLog = dir.resolve(out.getFileName() + ".console");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(consoleLog.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        boolean finished = p.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        String console = Files.readString(consoleLog, StandardCharsets.UTF_8);
        assertTrue(finished, () -> "SARIF Multitool timed out:\n" + console);
        assertEquals(0, p.exitValue(), () -> "SARIF Multitool failed:\n" + console);
        assertTrue(Files.exists(out), () -> "SARIF Multitool wrote no log:\n" + console);
        JsonNode run = new ObjectMapper().readTree(out.toFile()).at("/runs/0");
        for (JsonNode n : run.at("/invocations/0/toolExecutionNotifications")) {
            fail("SARIF Multitool could not run cleanly: " + n + "\n" + console);
        }
        for (JsonNode n : run.at("/invocations/0/toolConfigurationNotifications")) {
            // The one expected notice: our config disabled SARIF2006 (see multitool-offline.xml).
            boolean disabledUriFetching = n.at("/descriptor/id").asText().startsWith("WRN999")
                    && n.at("/message/text").asText().contains("'SARIF2006'");
            assertTrue(disabledUriFetching, () -> "SARIF Multitool configuration problem: " + n + "\n" + console);
        }
        List<JsonNode> results = new ArrayList<>();
        run.get("results").forEach(results::add);
        return results;
    }

    /** Our settings: all rules on except SARIF2006, which would fetch URIs over the network. */
    private Path offlineConfig() throws IOException {
        Path config = dir.resolve("multitool-offline.xml");
        if (!Files.exists(config)) {
            try (InputStream in = SarifMultitoolTest.class.getResourceAsStream("multitool-offline.xml")) {
                assertNotNull(in, "test resource multitool-offline.xml missing");
                Files.copy(in, config);
            }
        }
        return config;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Path find() {
        String configured = System.getProperty("lockcheck.multitool");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("LOCKCHECK_MULTITOOL");
        }
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isExecutable(p) ? p : null;
        }
        // Surefire runs in the module directory; the checkout root is its parent.
        for (Path base : List.of(Path.of("."), Path.of(".."))) {
            Path p = base.resolve(INSTALLED).toAbsolutePath().normalize();
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
