package io.lockcheck.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A spec comes with a checkout, so it is untrusted input: YAML tags that name Java classes must
 * not construct anything (the SnakeYAML gadget: a ScriptEngineManager loading a remote jar
 * through a URLClassLoader). SpecLoader composes nodes and never constructs objects; a tagged
 * node is a wrong shape with a file:line:col error.
 */
class UntrustedSpecTest {
    @TempDir
    Path dir;

    @Test
    void javaClassTagsAreRefusedWithoutConstructingAnything() throws Exception {
        Path marker = dir.resolve("constructed");
        Path spec = Files.writeString(dir.resolve("evil.yaml"), """
                version: 1
                fields:
                  - field: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["file://%s"]]]]
                    guarded_by: lock
                functions: !!java.io.FileOutputStream ["%s"]
                """.formatted(dir.resolve("payload.jar"), marker));
        SpecError e = assertThrows(SpecError.class, () -> SpecLoader.load(spec));
        assertTrue(e.oneLine().startsWith(spec + ":3:"), e.oneLine());
        assertEquals(1, e.oneLine().lines().count());
        assertFalse(Files.exists(marker), "a FileOutputStream was constructed");
    }

    @Test
    void taggedScalarIsAWrongShapeNotAnObject() throws Exception {
        Path marker = dir.resolve("made");
        Path spec = Files.writeString(dir.resolve("tagged.yaml"), "version: 1\nfunctions: !!java.io.FileOutputStream [\""
                + marker + "\"]\n");
        SpecError e = assertThrows(SpecError.class, () -> SpecLoader.load(spec));
        assertTrue(e.oneLine().startsWith(spec + ":2:12: "), e.oneLine());
        assertFalse(Files.exists(marker));
    }
}
