package io.lockcheck.cli;

import io.lockcheck.cli.CliHarness.Outcome;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The top level: version, help, usage errors and lockcheck's own failures. */
class MainTest {

    private static Outcome run(String... args) {
        return CliHarness.run(List.of(), RecordingEngine.clean(), args);
    }

    @Test
    void versionPrintsToolNameAndFilteredVersion() {
        Outcome o = run("--version");
        assertEquals(0, o.exit());
        assertEquals("lockcheck " + ToolVersion.current() + System.lineSeparator(), o.out());
        // Maven filters version.properties for the test class path too; "unknown" means it did not.
        assertFalse(ToolVersion.current().equals("unknown") || ToolVersion.current().contains("${"),
                ToolVersion.current());
        assertEquals("", o.err());
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        Outcome o = run("--help");
        assertEquals(0, o.exit());
        for (String command : List.of("check", "rules", "dump-cfg")) {
            assertTrue(o.out().contains(command), o.out());
        }
    }

    @Test
    void checkHelpDocumentsTheFailOnDefaultAndOmitsUnimplementedOptions() {
        Outcome o = run("check", "--help");
        assertEquals(0, o.exit());
        assertTrue(o.out().contains("(default: warning)"), o.out());
        for (String reserved : List.<String>of()) {
            assertFalse(o.out().contains(reserved), reserved + " is not implemented and must not be offered");
        }
        for (String precise : List.of("--kernel-tree", "--compile-commands")) {
            assertTrue(o.out().contains(precise), precise + " is offered");
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Outcome o = run();
        assertEquals(2, o.exit());
        assertEquals("", o.out());
        assertTrue(o.err().contains("Usage: lockcheck"), o.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--bogus", "-x"})
    void unknownOptionIsOneLineAndExitsTwo(String option) {
        Outcome o = run("check", option, "drm");
        assertEquals(2, o.exit());
        assertEquals("", o.out());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().startsWith("lockcheck: error: unknown option: '" + option + "'"), o.err());
        assertTrue(o.err().contains("'lockcheck check --help'"), o.err());
    }

    @Test
    void misspeltOptionSuggestsTheRealOne() {
        Outcome o = run("check", "--form", "sarif", "drm");
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("did you mean --format"), o.err());
    }

    @Test
    void unknownCommandIsNamed() {
        Outcome o = run("chek", "drm");
        assertEquals(2, o.exit());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().startsWith("lockcheck: error: unknown command 'chek'"), o.err());
    }

    @Test
    void unexpectedExceptionIsOneLineInternalErrorExitingThree() {
        Outcome o = CliHarness.run(new CliContext(() -> FakeRule.TWO, failingEngine(), false), "check", ".");
        assertEquals(3, o.exit());
        List<String> lines = o.errLines();
        assertEquals(1, lines.size(), o.err());
        assertTrue(lines.get(0).startsWith("lockcheck: internal error: java.lang.IllegalStateException: boom"),
                o.err());
    }

    @Test
    void debugEnvironmentAddsTheStackTrace() {
        Outcome o = CliHarness.run(new CliContext(() -> FakeRule.TWO, failingEngine(), true), "check", ".");
        assertEquals(3, o.exit());
        assertTrue(o.err().contains("\tat io.lockcheck.cli."), o.err());
    }

    @Test
    void errorsOutsidePicocliAreStillOneLine() {
        Outcome o = CliHarness.run(new CliContext(() -> {
            throw new StackOverflowError();
        }, RecordingEngine.clean(), false), "rules");
        assertEquals(3, o.exit());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().startsWith("lockcheck: internal error: java.lang.StackOverflowError"), o.err());
    }

    private static Engine failingEngine() {
        return new Engine() {
            @Override
            public AnalysisResult analyze(List<Rule> rules, io.lockcheck.AnalyzerOptions options, List<Path> paths) {
                throw new IllegalStateException("boom");
            }

            @Override
            public String dumpCfg(Path file, String function) throws IOException {
                throw new IllegalStateException("boom");
            }
        };
    }
}
