package io.lockcheck.cli;

import io.lockcheck.cli.CliHarness.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code dump-cfg}: the engine's dump on stdout, user mistakes as usage errors. */
class DumpCfgCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsTheDumpOfOneFunction() throws IOException {
        Path file = Files.writeString(dir.resolve("lru.c"), "void f(void) {}\n");
        Outcome o = CliHarness.run(List.of(), RecordingEngine.clean(), "dump-cfg", file.toString(), "--function", "f");
        assertEquals(0, o.exit(), o.err());
        assertEquals("cfg lru.c f\n", o.out());
    }

    @Test
    void absentFunctionIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("lru.c"), "void f(void) {}\n");
        Outcome o = CliHarness.run(List.of(), RecordingEngine.clean(), "dump-cfg", file.toString(), "--function",
                "absent");
        assertEquals(2, o.exit());
        assertEquals(List.of("lockcheck: error: no function 'absent' in " + file), o.errLines());
    }

    @Test
    void missingFileIsAUsageError() {
        Path file = dir.resolve("none.c");
        Outcome o = CliHarness.run(List.of(), RecordingEngine.clean(), "dump-cfg", file.toString());
        assertEquals(2, o.exit());
        assertEquals(List.of("lockcheck: error: no such file or directory: " + file), o.errLines());
    }
}
