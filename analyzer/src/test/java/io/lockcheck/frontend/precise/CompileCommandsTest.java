package io.lockcheck.frontend.precise;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompileCommandsTest {
    @TempDir
    Path dir;

    private Path db(String json) throws IOException {
        return Files.writeString(dir.resolve("compile_commands.json"), json);
    }

    @Test
    void kbuildCommandStringGivesIncludesDefinesAndForcedIncludes() throws Exception {
        String build = dir.resolve("linux").toString();
        Path file = db("""
                [
                  {
                    "command": "gcc -Wp,-MMD,drivers/gpu/drm/.drm_gem.o.d -nostdinc -I./arch/x86/include -I ./include \
                -include ./include/linux/kconfig.h -D__KERNEL__ -DKBUILD_MODNAME='\\"drm\\"' -DFOO=\\"a b\\" -DBAR -UBAR \
                -isystem /usr/lib/gcc/include -O2 -c -o drivers/gpu/drm/drm_gem.o drivers/gpu/drm/drm_gem.c",
                    "directory": "%s",
                    "file": "drivers/gpu/drm/drm_gem.c"
                  }
                ]
                """.formatted(build));
        CompileCommands cc = CompileCommands.load(file);
        CompileFlags f = cc.flagsFor(Path.of(build, "drivers/gpu/drm/drm_gem.c"));
        assertEquals(List.of(Path.of(build, "arch/x86/include"), Path.of(build, "include"), Path.of("/usr/lib/gcc/include")),
                f.includeDirs());
        assertEquals(List.of(Path.of(build, "include/linux/kconfig.h")), f.forcedIncludes());
        assertEquals(Map.of("__KERNEL__", "1", "KBUILD_MODNAME", "\"drm\"", "FOO", "a b"), f.defines());
        assertEquals(Path.of(build), cc.directory());
        assertNull(cc.flagsFor(Path.of(build, "drivers/gpu/drm/drm_file.c")), "not in the database");
    }

    @Test
    void argumentsArrayIsTakenAsIs() throws Exception {
        Path file = db("""
                [{"directory": "/k", "file": "/k/a.c", "arguments": ["cc", "-I", "inc", "-DX=1", "-include", "p.h", "a.c"]}]
                """);
        CompileFlags f = CompileCommands.load(file).flagsFor(Path.of("/k/a.c"));
        assertEquals(List.of(Path.of("/k/inc")), f.includeDirs());
        assertEquals(Map.of("X", "1"), f.defines());
        assertEquals(List.of(Path.of("/k/p.h")), f.forcedIncludes());
    }

    @Test
    void syntaxErrorIsOneLineWithLineAndColumn() throws Exception {
        Path file = db("[\n  {\"directory\": \"/k\",\n   \"file\": \"a.c\" \"command\": \"cc\"}\n]\n");
        CompileCommands.Malformed e = assertThrows(CompileCommands.Malformed.class, () -> CompileCommands.load(file));
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void entryWithoutCommandNamesTheEntryLocation() throws Exception {
        Path file = db("[\n  {\"directory\": \"/k\", \"file\": \"a.c\", \"command\": \"cc\"},\n  {\"directory\": \"/k\", \"file\": \"b.c\"}\n]");
        CompileCommands.Malformed e = assertThrows(CompileCommands.Malformed.class, () -> CompileCommands.load(file));
        assertEquals(file + ":3:3: entry has neither \"arguments\" nor a \"command\" string", e.getMessage());
    }

    @Test
    void topLevelMustBeAnArray() throws Exception {
        Path file = db("{\"directory\": \"/k\"}");
        CompileCommands.Malformed e = assertThrows(CompileCommands.Malformed.class, () -> CompileCommands.load(file));
        assertEquals(file + ":1:1: expected an array of compile commands", e.getMessage());
    }

    @Test
    void shellWordsFollowPosixQuoting() {
        assertEquals(List.of("-DA=\"x y\"", "it's", "a\\b", "c d"),
                ShellWords.split("-DA='\"x y\"'  it\\'s \"a\\\\b\" c\\ d"));
    }
}
