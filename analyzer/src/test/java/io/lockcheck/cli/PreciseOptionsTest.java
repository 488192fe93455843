package io.lockcheck.cli;

import io.lockcheck.cli.CliHarness.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --kernel-tree} and {@code --compile-commands}: mapped to the options, checked before the run. */
class PreciseOptionsTest {
    @TempDir
    Path dir;
    private Path source;
    private Path tree;

    @BeforeEach
    void files() throws IOException {
        source = Files.writeString(dir.resolve("gem.c"), "void f(void) {}\n");
        tree = dir.resolve("linux");
        Files.createDirectories(tree.resolve("include/linux"));
        Files.createDirectories(tree.resolve("arch/x86/include"));
        Files.writeString(tree.resolve("include/linux/kconfig.h"), "");
    }

    @Test
    void optionsReachTheAnalyzer() throws IOException {
        Path db = Files.writeString(dir.resolve("cc.json"), "[]");
        RecordingEngine engine = RecordingEngine.clean();
        Outcome o = CliHarness.run(FakeRule.TWO, engine, "check", "--kernel-tree", tree.toString(),
                "--compile-commands", db.toString(), source.toString());
        assertEquals(0, o.exit(), o.err());
        assertEquals(tree, engine.options.kernelTree());
        assertEquals(db, engine.options.compileCommands());
    }

    @Test
    void fastModeByDefault() {
        RecordingEngine engine = RecordingEngine.clean();
        CliHarness.run(FakeRule.TWO, engine, "check", source.toString());
        assertNull(engine.options.kernelTree());
        assertNull(engine.options.compileCommands());
    }

    @Test
    void malformedCompileCommandsIsOneLineWithItsLocationAndExitTwo() throws IOException {
        Path db = Files.writeString(dir.resolve("cc.json"), "[\n  {\"directory\": \"/k\", \"file\": }\n]\n");
        RecordingEngine engine = RecordingEngine.clean();
        Outcome o = CliHarness.run(FakeRule.TWO, engine, "check", "--compile-commands", db.toString(), source.toString());
        assertEquals(2, o.exit());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().startsWith("lockcheck: error: malformed --compile-commands: " + db + ":2:"), o.err());
        assertNull(engine.paths, "nothing is analysed");
    }

    @Test
    void aDirectoryThatIsNoKernelTreeIsAUsageError() {
        Outcome o = CliHarness.run(FakeRule.TWO, RecordingEngine.clean(), "guards", "--kernel-tree", dir.toString(),
                source.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("--kernel-tree has no include/linux/kconfig.h"), o.err());
    }
}
