package io.lockcheck.cache;

import io.lockcheck.cfg.CfgDump;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.frontend.CParser;
import io.lockcheck.frontend.FileFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordCodecTest {
    private static final String C = """
            struct obj { struct mutex lock; int count __guarded_by(&lock); struct obj *next; };
            static int take(struct obj *o, int n)
            {
            \tint ret;
            \tif (!mutex_trylock(&o->lock))
            \t\treturn -EBUSY;
            \tfor (ret = 0; ret < n; ret++)
            \t\to->count += READ_ONCE(o->next->count);
            \tmutex_unlock(&o->lock);
            \treturn ret;
            }
            """;

    @Test
    void factsSurviveARoundTrip(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.c");
        Files.writeString(file, C);
        FileFacts facts = FileFacts.of(file, new CParser(List.of(), Map.of()), 1 << 20);
        assertFalse(facts.functions().isEmpty());
        byte[] bytes = RecordCodec.encode(facts);
        FileFacts back = (FileFacts) RecordCodec.decode(bytes);
        assertEquals(facts.file(), back.file());
        assertEquals(facts.structs(), back.structs());
        assertEquals(facts.notifications(), back.notifications());
        assertEquals(facts.lines(), back.lines());
        assertEquals(facts.functions().size(), back.functions().size());
        for (int i = 0; i < facts.functions().size(); i++) {
            FunctionUnit a = facts.functions().get(i), b = back.functions().get(i);
            assertEquals(CfgDump.render(a), CfgDump.render(b));
            assertEquals(a.cfg().edges(), b.cfg().edges());
            assertEquals(a.types(), b.types());
            assertEquals(a.entryAliases(), b.entryAliases());
            assertEquals(a.span(), b.span());
        }
        assertArrayEquals(bytes, RecordCodec.encode(back), "encoding is a function of the value");
    }

    @Test
    void packedCfgsReferenceTheirStringsAndUnpackToTheSameGraph(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.c");
        Files.writeString(file, C);
        FunctionUnit fn = FileFacts.of(file, new CParser(List.of(), Map.of()), 1 << 20).functions().get(0);
        RecordCodec.Packed packed = RecordCodec.pack(fn.cfg());
        String text = new String(packed.bytes(), StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("o->count"), "texts are referenced, not copied into the bytes");
        assertTrue(java.util.Arrays.asList(packed.strings()).contains("o->count"));
        io.lockcheck.cfg.Cfg back = (io.lockcheck.cfg.Cfg) RecordCodec.unpack(packed);
        assertEquals(fn.cfg().edges(), back.edges());
        assertEquals(fn.cfg().nodes().size(), back.nodes().size());
        for (int i = 0; i < back.nodes().size(); i++) {
            assertEquals(fn.cfg().nodes().get(i).events(), back.nodes().get(i).events());
            assertEquals(fn.cfg().nodes().get(i).label(), back.nodes().get(i).label());
        }
        assertThrows(RecordCodec.Corrupt.class, () -> RecordCodec.unpack(
                new RecordCodec.Packed(packed.bytes(), java.util.Arrays.copyOf(packed.strings(), 1))));
    }

    @Test
    void equalPathsOfAnEntryDecodeToOneObject(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.c");
        Files.writeString(file, "struct o { int count; };\nint f(struct o *o) { o->count = 1; return o->count; }\n");
        FileFacts facts = FileFacts.of(file, new CParser(List.of(), Map.of()), 1 << 20);
        FileFacts back = (FileFacts) RecordCodec.decode(RecordCodec.encode(facts));
        assertOnePath(back.functions().get(0).cfg());
        assertOnePath((io.lockcheck.cfg.Cfg) RecordCodec.unpack(RecordCodec.pack(facts.functions().get(0).cfg())));
    }

    private static void assertOnePath(io.lockcheck.cfg.Cfg cfg) {
        List<io.lockcheck.lock.LockPath> paths = new java.util.ArrayList<>();
        for (var n : cfg.nodes()) {
            for (var e : n.events()) if (e instanceof io.lockcheck.cfg.Event.Access a) paths.add(a.path());
        }
        assertEquals(2, paths.size(), paths::toString);
        assertSame(paths.get(0), paths.get(1));
    }

    @Test
    void decodesOnlyOwnRecords() {
        byte[] name = "java.lang.ProcessBuilder".getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[name.length + 4];
        payload[0] = 14; // a record
        payload[1] = 0; // a new string
        payload[2] = (byte) name.length;
        System.arraycopy(name, 0, payload, 3, name.length);
        assertThrows(RecordCodec.Corrupt.class, () -> RecordCodec.decode(payload));
        assertThrows(RecordCodec.Corrupt.class, () -> RecordCodec.decode(new byte[] {99}));
        assertThrows(IllegalArgumentException.class, () -> RecordCodec.encode(new StringBuilder("x")));
    }

    @Test
    void anEnumIsNoRecordAlsoOnceItsClassIsKnown() throws Exception {
        assertEquals(io.lockcheck.rule.Level.ERROR, RecordCodec.decode(RecordCodec.encode(io.lockcheck.rule.Level.ERROR)));
        byte[] name = io.lockcheck.rule.Level.class.getName().getBytes(StandardCharsets.US_ASCII);
        byte[] payload = new byte[name.length + 4];
        payload[0] = 14; // a record
        payload[1] = 0; // a new string
        payload[2] = (byte) name.length;
        System.arraycopy(name, 0, payload, 3, name.length);
        RecordCodec.Corrupt e = assertThrows(RecordCodec.Corrupt.class, () -> RecordCodec.decode(payload));
        assertTrue(e.getMessage().startsWith("not a record"), e.getMessage());
    }

    @Test
    void damagedEntryIsAMiss(@TempDir Path dir) throws Exception {
        CacheDir cache = new CacheDir(dir);
        String key = Digest.of(new byte[] {1});
        cache.put(key, new byte[] {1, 2, 3, 4, 5});
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, cache.get(key));
        Path f = dir.resolve(key.substring(0, 2)).resolve(key.substring(2));
        byte[] b = Files.readAllBytes(f);
        b[9] ^= 1;
        Files.write(f, b);
        assertNull(cache.get(key));
        Files.write(f, new byte[] {0x4c, 0x43});
        assertNull(cache.get(key));
        assertNull(cache.get(Digest.of(new byte[] {2})));
    }

    @Test
    void trimKeepsTheNewestWithinTheBound(@TempDir Path dir) throws Exception {
        CacheDir cache = new CacheDir(dir);
        for (int i = 0; i < 10; i++) {
            String key = Digest.of(new byte[] {(byte) i});
            cache.put(key, new byte[1000]);
            Path f = dir.resolve(key.substring(0, 2)).resolve(key.substring(2));
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        cache.trim(5000);
        for (int i = 0; i < 10; i++) {
            boolean kept = cache.get(Digest.of(new byte[] {(byte) i})) != null;
            assertEquals(i >= 7, kept, "entry " + i); // 10 x 1012 bytes trimmed to at most 80% of 5000
        }
    }
}
