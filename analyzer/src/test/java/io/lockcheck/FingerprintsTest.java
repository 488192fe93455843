package io.lockcheck;

import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FingerprintsTest {
    @TempDir
    Path dir;

    private static Finding at(Path file, int line, int col, String rule, String message) {
        return new Finding(rule, Level.WARNING, Location.point(file, line, col), message, "f",
                List.of(), List.of(), Map.of(), null, null);
    }

    /** The documented key, hashed in one piece: the cached digests must give the same value. */
    private static String expected(String key, int n) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 8) + ":" + n;
    }

    @Test
    void keyIsRuleFunctionCodeLineAndSubjects() throws Exception {
        Path c = dir.resolve("a.c");
        Files.writeString(c, "int x;\n\tobj->lru = NULL; /* note */\n\tobj->lru = NULL;\n");
        List<Finding> out = Fingerprints.assign(List.of(
                at(c, 2, 2, "LC001", "write of 'obj->lru' without 'lru->lock' (held 3 of 3 times)"),
                at(c, 3, 2, "LC001", "write of 'obj->lru' without 'lru->lock' (held 4 of 4 times)"),
                at(c, 3, 2, "LC002", "write of 'obj->lru' without 'lru->lock'")));
        String key = "LC001|f|obj->lru=NULL;|obj->lru|lru->lock|";
        assertEquals(expected(key, 1), out.get(0).fingerprint());
        assertEquals(expected(key, 2), out.get(1).fingerprint(), "same code and subjects: next occurrence");
        assertEquals(expected("LC002|f|obj->lru=NULL;|obj->lru|lru->lock|", 1), out.get(2).fingerprint());
    }

    @Test
    void manyFindingsOnOneLongLineKeepDistinctSubjects() throws Exception {
        Path c = dir.resolve("long.c");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 2000; i++) line.append("mutex_lock(&l").append(i).append("); ");
        Files.writeString(c, line + "\n");
        List<Finding> in = new ArrayList<>();
        for (int i = 0; i < 2000; i++) in.add(at(c, 1, 1 + i * 20, "LC008", "'l" + i + "' is still held at return"));
        List<Finding> out = Fingerprints.assign(in);
        String code = line.toString().replace(" ", "");
        assertEquals(expected("LC008|f|" + code + "|l0|", 1), out.get(0).fingerprint());
        assertEquals(expected("LC008|f|" + code + "|l1999|", 1), out.get(1999).fingerprint());
        assertNotEquals(out.get(0).fingerprint(), out.get(1).fingerprint());
    }
}
