package io.lockcheck.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each malformed spec gives one SpecError line: file, the 1-based line:col of the culprit, a clear message. */
class MalformedSpecTest {
    @TempDir
    Path dir;

    private SpecError error(String text) throws Exception {
        return error(Files.writeString(dir.resolve("bad.yaml"), text));
    }

    private static SpecError error(Path file) {
        return assertThrows(SpecError.class, () -> SpecLoader.load(file));
    }

    /** The error is at line:col, its one-line form starts with "file:line:col: " and contains {@code message}. */
    private static void assertAt(int line, int column, String message, SpecError e) {
        String one = e.oneLine();
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), one);
        assertTrue(one.startsWith(e.file() + ":" + line + ":" + column + ": "), one);
        assertTrue(one.contains(message), one);
        assertFalse(one.contains("\n"), one);
    }

    @Test
    void unknownEntryKeySuggestsTheClosestOne() throws Exception {
        SpecError e = error("fields:\n  - field: a.b\n    guarded: lock\n");
        assertEquals(dir.resolve("bad.yaml") + ":3:5: unknown key 'guarded' in a 'fields' entry (did you mean 'guarded_by'?)",
                e.oneLine());
    }

    @Test
    void unknownTopLevelKeySuggestsOrListsTheKeys() throws Exception {
        assertAt(2, 1, "unknown key 'feilds' in the spec (did you mean 'fields'?)", error("version: 1\nfeilds: []\n"));
        assertAt(1, 1, "unknown key 'locks' in the spec (expected one of: version, structs, fields, functions, bindings)",
                error("locks: []\n"));
    }

    @Test
    void wrongNodeTypesAreReportedAtTheValue() throws Exception {
        assertAt(2, 3, "'fields' must be a list", error("fields:\n  field: a.b\n"));
        assertAt(3, 15, "'requires' must be a list, e.g. [lru->lock], found a string 'lru->lock'",
                error("functions:\n  - name: f\n    requires: lru->lock\n"));
        assertAt(1, 1, "a spec must be a mapping", error("- field: a.b\n"));
        assertAt(2, 30, "'guarded_by' must be a string, found the boolean 'yes' (quote it to use it as text)",
                error("fields:\n  - {field: a.b, guarded_by: yes}\n"));
    }

    @Test
    void missingRequiredKeyIsReportedAtTheEntry() throws Exception {
        assertAt(4, 5, "a 'fields' entry is missing 'guarded_by'",
                error("fields:\n  - field: a.b\n    guarded_by: lock\n  - field: a.c\n    if_seen: m\n"));
        assertAt(2, 5, "a 'bindings' entry is missing 'to'", error("bindings:\n  - function: f\n    binds: x->lock\n"));
    }

    @Test
    void emptyValuesAreErrors() throws Exception {
        assertAt(3, 17, "'guarded_by' must not be empty", error("fields:\n  - field: a.b\n    guarded_by: \"  \"\n"));
        assertAt(3, 16, "'guarded_by' has no value", error("fields:\n  - field: a.b\n    guarded_by:\n"));
    }

    @Test
    void malformedLockPathsAreReportedAtThePath() throws Exception {
        assertAt(3, 17, "malformed lock path 'lru->' in 'guarded_by'", error("fields:\n  - field: a.b\n    guarded_by: lru->\n"));
        // LockPath.parse would drop the blank and read 'lrulock'; a spec must not
        assertAt(3, 17, "malformed lock path 'lru lock'", error("fields:\n  - field: a.b\n    guarded_by: lru lock\n"));
        assertAt(3, 16, "malformed lock path '&lru->lock' in a lock in 'requires'",
                error("functions:\n  - name: f\n    requires: [\"&lru->lock\"]\n"));
        assertAt(3, 12, "'binds' must name a field reached from a parameter",
                error("bindings:\n  - function: f\n    binds: lru\n    to: lock\n"));
        assertAt(3, 16, "a lock in 'requires' cannot be a global lock", error("functions:\n  - name: f\n    requires: [global big_lock]\n"));
    }

    @Test
    void fieldMustBeStructDotField() throws Exception {
        assertAt(2, 12, "'field' must be 'struct.field'", error("fields:\n  - field: count\n    guarded_by: lock\n"));
        assertAt(2, 12, "(write the struct name without 'struct ')",
                error("fields:\n  - field: struct a.b\n    guarded_by: lock\n"));
    }

    @Test
    void badVersionIsReportedAtTheNumber() throws Exception {
        assertAt(1, 10, "unsupported spec version '2' (this lockcheck reads version 1)", error("version: 2\n"));
        assertAt(1, 10, "'version' must be the number 1, found a string 'one'", error("version: one\n"));
    }

    @Test
    void yamlSyntaxErrorsKeepSnakeyamlsPosition() throws Exception {
        assertAt(3, 4, "invalid YAML: expected <block end>", error("fields:\n  - field: a.b\n   guarded_by: lock\n"));
        // a tab in indentation: snakeyaml's message spans lines; ours must not
        assertAt(2, 1, "invalid YAML: found character", error("fields:\n\t- field: a.b\n"));
        assertAt(3, 1, "expected a single document", error("---\nversion: 1\n---\nversion: 1\n"));
    }

    @Test
    void duplicateKeysAndEntriesPointAtTheSecond() throws Exception {
        assertAt(3, 5, "duplicate key 'field' in a 'fields' entry (first at line 2)",
                error("fields:\n  - field: a.b\n    field: a.c\n    guarded_by: lock\n"));
        assertAt(4, 1, "duplicate key 'fields' in the spec (first at line 1)", error("fields: []\nversion: 1\n\nfields: []\n"));
        assertAt(4, 12, "a second guard for 'a.b' (first at line 2)",
                error("fields:\n  - field: a.b\n    guarded_by: lock\n  - field: a.b\n    guarded_by: other\n"));
        assertAt(3, 11, "a second contract for 'f' (first at line 2)", error("functions:\n  - name: f\n  - name: f\n"));
        assertAt(5, 5, "'if_seen' and 'unless_seen' cannot both be given",
                error("fields:\n  - field: a.b\n    guarded_by: lock\n    unless_seen: m\n    if_seen: m\n"));
    }

    @Test
    void billionLaughsStopsAtTheEleventhCollectionAlias() throws Exception {
        Path laughs = SpecLoaderTest.fixture("billion-laughs.yaml");
        SpecError e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> error(laughs));
        assertAt(3, 17, "more than 10 aliases of lists or mappings", e);
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() throws Exception {
        SpecError e = error("fields: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertTrue(e.getMessage().startsWith("invalid YAML: Nesting Depth exceeded"), e.oneLine());
        assertEquals(1, e.line());
    }

    @Test
    void explicitTagsNeverConstructAnything() throws Exception {
        assertAt(1, 9, "invalid YAML: Global tag is not allowed",
                error("fields: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]\n"));
        assertAt(1, 9, "'fields' must be a list", error("fields: !local []\n"));
    }

    @Test
    void binaryGarbageAndBadEncodingsAreNotText() throws Exception {
        Path png = dir.resolve("logo.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d});
        assertAt(1, 1, "not UTF-8 text: invalid byte 0x89", error(png));
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, "fields:\n  - field: caf\u00e9.x\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertAt(2, 15, "not UTF-8 text: invalid byte 0xE9", error(latin1));
        assertAt(2, 15, "character U+0000 is not allowed", error("fields:\n  - field: a.b\u0000\n"));
    }

    @Test
    void missingFileAndDirectoryAreErrorsAtOneOne() throws Exception {
        assertAt(1, 1, "no such spec file", error(dir.resolve("nope.yaml")));
        assertAt(1, 1, "is a directory, not a spec file", error(dir));
    }

    @Test
    void tooLargeFileIsRefusedBeforeParsing() throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.write(big, ("# " + "x".repeat(1022) + "\n").repeat(SpecLoader.MAX_BYTES / 1024 + 1).getBytes());
        assertAt(1, 1, "spec file is larger than 3 MiB", error(big));
    }

    @Test
    void everyTruncationOfAValidFileLoadsOrFailsCleanly() throws Exception {
        // no input may surface as an internal defect ("cannot load spec: java.lang...")
        String complete = Files.readString(SpecLoaderTest.fixture("complete.yaml"));
        for (int end = 0; end <= complete.length(); end++) {
            Path f = Files.writeString(dir.resolve("cut.yaml"), complete.substring(0, end));
            try {
                SpecLoader.load(f);
            } catch (SpecError e) {
                assertFalse(e.getMessage().startsWith("cannot load spec"), "at " + end + ": " + e.oneLine());
                assertTrue(e.line() >= 1 && e.column() >= 1, e.oneLine());
            }
        }
    }
}
