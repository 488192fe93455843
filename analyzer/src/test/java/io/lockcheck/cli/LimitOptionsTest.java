package io.lockcheck.cli;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.cli.CliHarness.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --function-budget}, {@code --parse-timeout}, {@code --follow-symlinks} and the srcroot boundary. */
class LimitOptionsTest {
    @TempDir
    Path dir;

    private Outcome check(RecordingEngine engine, String... args) throws IOException {
        Path source = Files.writeString(dir.resolve("gem.c"), "void f(void) {}\n");
        String[] all = new String[args.length + 2];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        all[all.length - 1] = source.toString();
        return CliHarness.run(FakeRule.TWO, engine, all);
    }

    @Test
    void defaultsAreTheDocumentedOnes() throws IOException {
        RecordingEngine engine = RecordingEngine.clean();
        assertEquals(0, check(engine).exit());
        assertEquals(AnalyzerOptions.DEFAULT_FUNCTION_BUDGET, engine.options.functionBudget());
        assertEquals(AnalyzerOptions.DEFAULT_PARSE_TIMEOUT_MILLIS, engine.options.parseTimeoutMillis());
        assertFalse(engine.options.followSymlinks());
        assertNull(engine.options.srcroot());
    }

    @Test
    void limitsAndSymlinkPolicyReachTheAnalyzer() throws IOException {
        RecordingEngine engine = RecordingEngine.clean();
        Outcome o = check(engine, "--function-budget", "5000", "--parse-timeout", "2.5", "--follow-symlinks",
                "--max-file-size", "4096", "--srcroot", dir.toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals(5000, engine.options.functionBudget());
        assertEquals(2500, engine.options.parseTimeoutMillis());
        assertEquals(4096, engine.options.maxFileBytes());
        assertTrue(engine.options.followSymlinks());
        assertEquals(dir, engine.options.srcroot());
    }

    @ParameterizedTest(name = "{0} {1} is a usage error")
    @CsvSource({"--function-budget, 0", "--function-budget, -3", "--parse-timeout, 0", "--parse-timeout, -1",
            "--parse-timeout, NaN", "--max-file-size, 0"})
    void nonPositiveLimitIsAOneLineUsageError(String option, String value) throws IOException {
        Outcome o = check(RecordingEngine.clean(), option, value);
        assertEquals(2, o.exit());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains(option), o.err());
    }
}
