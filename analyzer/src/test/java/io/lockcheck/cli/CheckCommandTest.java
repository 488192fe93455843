package io.lockcheck.cli;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.cli.CliHarness.Outcome;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check}: option mapping, exit codes and where output goes, with a canned engine. */
class CheckCommandTest {
    @TempDir
    Path dir;
    private Path source;

    @BeforeEach
    void source() throws IOException {
        source = Files.writeString(dir.resolve("gem.c"), "void f(void) {}\n");
    }

    private Outcome check(RecordingEngine engine, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliHarness.run(FakeRule.TWO, engine, all);
    }

    @Test
    void cleanRunExitsZero() {
        RecordingEngine engine = RecordingEngine.clean();
        Outcome o = check(engine, source.toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals(List.of(source), engine.paths);
        assertEquals(AnalyzerOptions.DEFAULT_MAX_FILE_BYTES, engine.options.maxFileBytes());
        assertEquals(Runtime.getRuntime().availableProcessors(), engine.options.jobs());
        assertEquals(Set.of(), engine.options.rules(), "no --rules means all rules");
    }

    @ParameterizedTest(name = "a warning with --fail-on {0} exits {1}")
    @CsvSource({"error, 0", "warning, 1", "note, 1", "none, 0", "WARNING, 1"})
    void failOnThresholdDecidesExitForAWarning(String failOn, int expected) {
        Outcome o = check(RecordingEngine.withFindings(Level.WARNING), "--fail-on", failOn, source.toString());
        assertEquals(expected, o.exit(), o.err());
    }

    @Test
    void failOnDefaultsToWarning() {
        assertEquals(1, check(RecordingEngine.withFindings(Level.WARNING), source.toString()).exit());
        assertEquals(0, check(RecordingEngine.withFindings(Level.NOTE), source.toString()).exit());
    }

    @Test
    void badFailOnValueIsAUsageError() {
        Outcome o = check(RecordingEngine.clean(), "--fail-on", "warnings", source.toString());
        assertEquals(2, o.exit());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().contains("expected error, warning, note or none but was 'warnings'"), o.err());
    }

    @Test
    void badFormatIsAUsageError() {
        Outcome o = check(RecordingEngine.clean(), "--format", "json", source.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("expected text, gcc or sarif but was 'json'"), o.err());
    }

    @Test
    void fileThatCouldNotBeAnalysedExitsThreeEvenWithFindings() {
        RecordingEngine engine = new RecordingEngine(RecordingEngine.result(
                List.of(RecordingEngine.finding("LC008", Level.ERROR, 3)),
                List.of(new Notification(Level.ERROR, source, "not valid UTF-8"))));
        assertEquals(3, check(engine, source.toString()).exit());
    }

    @Test
    void warningNotificationDoesNotFailTheRun() {
        RecordingEngine engine = new RecordingEngine(RecordingEngine.result(List.of(),
                List.of(new Notification(Level.WARNING, source, "function cut short"))));
        assertEquals(0, check(engine, source.toString()).exit());
    }

    @Test
    void missingPathIsReportedOthersAnalysedAndExitIsTwo() {
        RecordingEngine engine = RecordingEngine.withFindings(Level.ERROR);
        Path missing = dir.resolve("no-such.c");
        Path report = dir.resolve("out.txt");
        Outcome o = check(engine, "-o", report.toString(), missing.toString(), source.toString());
        assertEquals(2, o.exit(), "usage error outranks findings");
        assertEquals(List.of("lockcheck: error: no such file or directory: " + missing), o.errLines());
        assertEquals(List.of(source), engine.paths);
        assertTrue(Files.exists(report), "the report of the other paths is still written");
    }

    @Test
    void unknownRuleIsAUsageErrorNamingTheKnownOnes() {
        RecordingEngine engine = RecordingEngine.clean();
        Outcome o = check(engine, "--rules", "LC001,LC999", source.toString());
        assertEquals(2, o.exit());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().contains("unknown rule 'LC999' in --rules; known: LC001, LC008"), o.err());
        assertEquals(0, engine.analyses, "nothing is analysed after a usage error");
    }

    @Test
    void unknownRuleWhenNoRulesAreInstalled() {
        Outcome o = CliHarness.run(List.of(), RecordingEngine.clean(), "check", "--rules", "LC001", source.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("no rules are installed"), o.err());
    }

    @Test
    void rulesAreSelectedByIdOrNameInAnyCase() {
        RecordingEngine engine = RecordingEngine.clean();
        check(engine, "--rules", "lc001,LockImbalance", "--rules", "LC001", source.toString());
        assertEquals(Set.of("LC001", "LC008"), engine.options.rules());
    }

    @Test
    void preprocessorAndParallelismOptionsReachTheAnalyzer() throws IOException {
        Path include = Files.createDirectory(dir.resolve("include"));
        RecordingEngine engine = RecordingEngine.clean();
        Outcome o = check(engine, "-I" + include, "-DCONFIG_LOCKDEP", "-D", "NR=4", "-DMAX(a,b)=a", "-j3",
                "--max-file-size", "1000", source.toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals(List.of(include), engine.options.includeDirs());
        assertEquals(Map.of("CONFIG_LOCKDEP", "1", "NR", "4", "MAX(a,b)", "a"), engine.options.defines());
        assertEquals(3, engine.options.jobs());
        assertEquals(1000, engine.options.maxFileBytes());
    }

    @Test
    void malformedDefineIsAUsageError() {
        assertEquals(2, check(RecordingEngine.clean(), "-D", "=1", source.toString()).exit());
    }

    @Test
    void zeroJobsIsAUsageError() {
        Outcome o = check(RecordingEngine.clean(), "-j", "0", source.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("'--jobs': must be at least 1"), o.err());
    }

    @Test
    void unreadableSpecIsAConfigurationError() {
        RecordingEngine engine = RecordingEngine.clean();
        Path spec = dir.resolve("missing.yaml");
        Outcome o = check(engine, "--spec", spec.toString(), source.toString());
        assertEquals(2, o.exit());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.errLines().get(0).startsWith("lockcheck: error: " + spec + ":1:1: "), o.err());
        assertEquals(0, engine.analyses);
    }

    @Test
    void specFilesReachTheAnalyzer() throws IOException {
        Path spec = Files.writeString(dir.resolve("lru.yaml"), "fields: []\n");
        RecordingEngine engine = RecordingEngine.clean();
        assertEquals(0, check(engine, "--spec", spec.toString(), source.toString()).exit());
        assertEquals(List.of(spec), engine.options.specFiles());
    }

    @Test
    void outputFileGetsTheReportAndStdoutStaysEmpty() throws IOException {
        Path report = dir.resolve("lockcheck.txt");
        Outcome o = check(RecordingEngine.withFindings(Level.ERROR), "--format", "gcc", "-o", report.toString(),
                source.toString());
        assertEquals(1, o.exit());
        assertEquals("", o.out());
        assertTrue(Files.readString(report).contains("LC008"), Files.readString(report));
    }

    @Test
    void reportGoesToStdoutWithoutOutputFile() {
        Outcome o = check(RecordingEngine.withFindings(Level.ERROR), "--format", "gcc", source.toString());
        assertTrue(o.out().contains("LC008"), o.out());
    }

    @Test
    void outputInMissingDirectoryFailsBeforeAnalysing() {
        RecordingEngine engine = RecordingEngine.clean();
        Outcome o = check(engine, "-o", dir.resolve("nope/out.sarif").toString(), source.toString());
        assertEquals(2, o.exit());
        assertEquals(0, engine.analyses);
    }

    @Test
    void statsGoToStderrForMachineFormats() {
        Outcome o = check(RecordingEngine.clean(), "--format", "gcc", "--stats", source.toString());
        assertEquals(0, o.exit());
        assertEquals(List.of("lockcheck: stats: 1 file, 4 functions, 120 lines, parse fidelity 75.0%"), o.errLines());
        assertFalse(o.out().contains("functions"), o.out());
    }

    @Test
    void statsAreALineOfTheTextReport() {
        Outcome o = check(RecordingEngine.clean(), "--stats", source.toString());
        assertTrue(o.out().lines().anyMatch(l -> l.startsWith("stats: 1 file, 4 functions")), o.out());
        assertEquals("", o.err());
    }

    @Test
    void filesThatFailedAreNamedOnStderrWhenTheReportGoesToAFile() throws IOException {
        RecordingEngine engine = new RecordingEngine(RecordingEngine.result(List.of(),
                List.of(new Notification(Level.ERROR, source, "not valid UTF-8"),
                        new Notification(Level.NOTE, source, "function cut short"))));
        Path report = dir.resolve("out.sarif");
        Outcome o = check(engine, "--format", "sarif", "-o", report.toString(), source.toString());
        assertEquals(3, o.exit());
        assertEquals("", o.out());
        assertEquals(List.of(source + ": error: not valid UTF-8"), o.errLines());
        assertTrue(Files.readString(report).startsWith("{"), "a SARIF log is JSON");
    }

    @Test
    void directoryWithoutCFilesGetsOneNotice() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        RecordingEngine engine = new RecordingEngine(new io.lockcheck.rule.AnalysisResult(List.of(), List.of(),
                List.of(), new io.lockcheck.rule.Stats(0, 0, 0, 0, 0)));
        Outcome o = check(engine, empty.toString());
        assertEquals(0, o.exit());
        assertEquals(List.of("lockcheck: no C files found in the given paths"), o.errLines());
    }
}
