package io.lockcheck.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatIndexTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void unchangedSettledFileIsNotReadAgain(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.c");
        Files.writeString(f, "int x;\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - HOUR));
        StatIndex first = StatIndex.load(null);
        String h = first.digest(f);
        assertEquals(Digest.of(Files.readAllBytes(f)), h);
        assertTrue(first.changed());
        StatIndex second = StatIndex.load(first.encode());
        // same size and time restored after an edit: only a file that was not read again keeps the old digest
        FileTime t = Files.getLastModifiedTime(f);
        Files.writeString(f, "int z;\n");
        Files.setLastModifiedTime(f, t);
        assertEquals(h, second.digest(f));
        assertFalse(second.changed(), "nothing new learnt");
    }

    @Test
    void changedFileIsHashedAgain(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.c");
        Files.writeString(f, "int x;\n");
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - 2 * HOUR));
        StatIndex first = StatIndex.load(null);
        first.digest(f);
        Files.writeString(f, "int y;\n"); // same size, new time
        Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis() - HOUR));
        assertEquals(Digest.of(Files.readAllBytes(f)), StatIndex.load(first.encode()).digest(f));
    }

    @Test
    void fileModifiedJustNowIsNotRemembered(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a.c");
        Files.writeString(f, "int x;\n");
        StatIndex s = StatIndex.load(null);
        assertEquals(Digest.of(Files.readAllBytes(f)), s.digest(f));
        assertFalse(s.changed(), "an edit in the same tick would look unchanged: not remembered");
        assertNull(s.digest(dir.resolve("missing.c")));
        assertFalse(StatIndex.load(new byte[] {1, 2, 3}).changed(), "a damaged index is empty");
    }
}
