package io.lockcheck.rules.robustness;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 8's input robustness suite: seeded broken inputs made from the samples and Linux DRM code,
 * special files, a huge file and a huge directory, through the Analyzer API and the real jar. Zero
 * crashes, hangs and lost findings. CI runs a few hundred inputs as part of {@code mvn verify};
 * {@code bench/robustness/run} runs thousands with {@code -Dlockcheck.robustness.inputs=N}.
 * A failure names the input: {@code -Dlockcheck.robustness.seed=S} and its index make it again.
 */
class RobustnessIT {
    private static final long SEED = Long.getLong("lockcheck.robustness.seed", 20261125L);
    private static final int INPUTS = Integer.getInteger("lockcheck.robustness.inputs", 170);
    private static final int DIRECTORY_FILES = Integer.getInteger("lockcheck.robustness.directoryFiles", 10_000);
    /** Generated inputs also given to the jar, in one directory with the special files. */
    private static final int CLI_INPUTS = Math.min(INPUTS, 40);
    /** lockcheck's own limit per file; a run that takes much longer than this is hung. */
    private static final long PARSE_TIMEOUT_MILLIS = 10_000;
    private static final long HANG_MILLIS = 120_000;

    @TempDir
    static Path work;
    private static List<Rule> rules;
    private static List<Corpus.Source> corpus;
    private static Mutations mutations;
    private static InProcessRun inProcess;
    private static Report report;

    @BeforeAll
    static void setUp() throws IOException {
        rules = RuleSet.loadAll();
        Path kernel = kernel();
        corpus = Corpus.of(samples(), kernel);
        mutations = new Mutations(corpus);
        Path sentinel = work.resolve("sentinel/rbx-sentinel.c");
        Files.createDirectories(sentinel.getParent());
        try (InputStream in = RobustnessIT.class.getResourceAsStream("sentinel.c")) {
            Files.copy(in, sentinel);
        }
        inProcess = new InProcessRun(rules, options(), sentinel, HANG_MILLIS);
        report = new Report(String.format(Locale.ROOT, "Seed %d; %d generated inputs from %d corpus files (%s); "
                        + "lockcheck's --parse-timeout %d s, an input is hung after %d s; %d processors.",
                SEED, INPUTS, corpus.size(), kernel == null ? "samples only: no kernel tree" : "samples and Linux 6.12 drivers/gpu/drm files up to 48 KB",
                PARSE_TIMEOUT_MILLIS / 1000, HANG_MILLIS / 1000, Runtime.getRuntime().availableProcessors()));
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (report == null) return;
        String md = report.markdown();
        Path out = Path.of(System.getProperty("lockcheck.robustness.report", "target/robustness-report.md"));
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "robustness: %d inputs, %d crashes, %d hangs, %d lost findings (report: %s)%n",
                report.inputs(), report.crashes(), report.hangs(), report.lost(), out.toAbsolutePath());
    }

    @Test
    void generatedInputsNeitherCrashNorHangNorLoseFindings() throws Exception {
        Path dir = Files.createDirectories(work.resolve("generated"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<InProcessRun.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < INPUTS; i++) {
                int index = i;
                futures.add(pool.submit(() -> inProcess.check(mutations.generate(SEED, index), dir)));
            }
            for (Future<InProcessRun.Outcome> f : futures) report.add(f.get());
        } finally {
            pool.shutdownNow();
        }
        assertClean();
    }

    @Test
    void jarSurvivesBrokenInputsAndSpecialFiles() throws Exception {
        Path dir = Files.createDirectories(work.resolve("cli/tree"));
        Path outside = Files.createDirectories(work.resolve("cli/outside"));
        Files.writeString(outside.resolve("elsewhere.c"), "static int rb_elsewhere;\n");
        Files.copy(inProcess.sentinel(), dir.resolve("rbx-sentinel.c"));
        for (int i = 0; i < CLI_INPUTS; i++) {
            Mutations.Input in = mutations.generate(SEED, INPUTS + i);
            Files.write(dir.resolve(in.fileName()), in.bytes());
        }
        List<String> special = SpecialInputs.create(dir, outside);
        CliRun run = jar(work.resolve("cli"), (CLI_INPUTS + special.size()) * 5_000L + HANG_MILLIS,
                "check", "--format", "gcc", "--parse-timeout", String.valueOf(PARSE_TIMEOUT_MILLIS / 1000), "tree");
        report.add(new Report.CliCase("broken inputs and special files, gcc", CLI_INPUTS + special.size(), run,
                missingSentinelFindings(run.out(), "tree/rbx-sentinel.c")));
        assertTrue(run.err().contains("elsewhere") || run.out().contains("outside"), "the link out of the tree is reported");
        assertClean();
    }

    @Test
    void jarSurvivesADirectoryOfManyFiles() throws Exception {
        Path dir = work.resolve("many");
        SpecialInputs.manyFiles(dir, DIRECTORY_FILES);
        CliRun run = jar(work, DIRECTORY_FILES * 50L + HANG_MILLIS, "check", "--format", "gcc", "many");
        long found = run.out().lines().filter(l -> l.endsWith("[LC008]")).count();
        report.add(new Report.CliCase(DIRECTORY_FILES + " files in one tree", DIRECTORY_FILES, run,
                found == DIRECTORY_FILES ? "" : "expected " + DIRECTORY_FILES + " LC008 findings, found " + found));
        assertClean();
    }

    @Test
    void twentyMegabyteFileIsSkippedByDefaultAndBoundedWhenAllowed() throws Exception {
        Path big = SpecialInputs.large(work.resolve("big-20mb.c"), corpus, 20L << 20);
        Mutations.Input input = new Mutations.Input(-1, Mutations.Kind.LARGE_FILE, "the corpus, concatenated to 20 MB", new byte[0]);
        InProcessRun.Outcome byDefault = inProcess.check(input, List.of(inProcess.sentinel(), big));
        report.add(byDefault);
        assertTrue(byDefault.notes().stream().anyMatch(n -> n.message().contains("--max-file-size")), byDefault.notes().toString());
        InProcessRun allowed = new InProcessRun(rules, options().withLimits(64L << 20, AnalyzerOptions.DEFAULT_FUNCTION_BUDGET,
                PARSE_TIMEOUT_MILLIS), inProcess.sentinel(), HANG_MILLIS);
        report.add(allowed.check(input, List.of(inProcess.sentinel(), big)));
        assertClean();
    }

    private static void assertClean() {
        String why = report.markdown();
        assertEquals(0, report.crashes(), why);
        assertEquals(0, report.hangs(), why);
        assertEquals(0, report.lost(), why);
    }

    /** gcc lines of the sentinel's findings that are missing from {@code out}, or "". */
    private static String missingSentinelFindings(String out, String shownPath) {
        List<String> missing = new ArrayList<>();
        for (String f : inProcess.sentinelFindings()) {
            String[] p = f.split(" ", 3); // rule, line:col, message
            String prefix = shownPath + ":" + p[1] + ": ";
            if (out.lines().noneMatch(l -> l.startsWith(prefix) && l.endsWith("[" + p[0] + "]"))) missing.add(f);
        }
        return missing.isEmpty() ? "" : "missing sentinel findings: " + missing;
    }

    private static CliRun jar(Path dir, long timeoutMillis, String... args) throws Exception {
        Path jar = Path.of(System.getProperty("lockcheck.jar", "target/lockcheck.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar + " (run mvn package first)");
        return CliRun.of(jar, dir, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), Map.of(), timeoutMillis, args);
    }

    private static AnalyzerOptions options() {
        return AnalyzerOptions.defaults().withJobs(1).withLimits(AnalyzerOptions.DEFAULT_MAX_FILE_BYTES,
                AnalyzerOptions.DEFAULT_FUNCTION_BUDGET, PARSE_TIMEOUT_MILLIS);
    }

    static Path samples() {
        return Path.of(System.getProperty("lockcheck.samples", "../samples")).toAbsolutePath().normalize();
    }

    /** The kernel tree if configured (as for the kernel ITs); the suite runs on the samples alone without one. */
    static Path kernel() {
        String k = System.getProperty("lockcheck.kernel");
        if (k == null || k.isBlank() || k.startsWith("${")) k = System.getenv("LOCKCHECK_KERNEL_SRC");
        return k == null || k.isBlank() || !Files.isDirectory(Path.of(k, "drivers/gpu/drm")) ? null : Path.of(k);
    }
}
