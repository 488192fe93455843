package io.lockcheck.cache;

import io.lockcheck.cfg.CfgDump;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.frontend.CParser;
import io.lockcheck.frontend.FileFacts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CFGs spilled out of the heap come back the same, with shared texts, and leave no file behind. */
class SpillFileTest {
    private static final String C = """
            struct o { int lock; int count; char *name; };
            int f(struct o *o, int n) {
                spin_lock(&o->lock);
                while (n--) o->count += n;
                spin_unlock(&o->lock);
                return printk("%s: caf\\u00e9 %d\\n", o->name, o->count);
            }
            int g(struct o *o) { return o->count; }
            """;

    @Test
    void spilledCfgsReadBackEqualWithSharedTextsAndTheFileIsUnlinked(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.c");
        Files.writeString(file, C);
        List<FunctionUnit> fns = FileFacts.of(file, new CParser(List.of(), Map.of()), 1 << 20).functions();
        assertEquals(2, fns.size());
        String cut = "x\uD83D"; // half of a surrogate pair, as a text capped inside one
        RecordCodec.Packed odd = new RecordCodec.Packed(new byte[] {1, 2}, new String[] {cut});
        assertArrayEquals(odd.strings(), SpillFile.read(SpillFile.write(odd)).strings());
        for (FunctionUnit fn : fns) {
            RecordCodec.Packed p = RecordCodec.pack(fn.cfg());
            SpillFile.Spilled s = SpillFile.write(p);
            assertNotNull(s);
            RecordCodec.Packed back = SpillFile.read(s);
            assertArrayEquals(p.bytes(), back.bytes());
            assertArrayEquals(p.strings(), back.strings());
            for (String t : back.strings()) assertSame(t.intern(), t, "texts are shared again: " + t);
            assertEquals(CfgDump.render(fn), CfgDump.render(withCfg(fn, (io.lockcheck.cfg.Cfg) RecordCodec.unpack(back))));
        }
        try (Stream<Path> left = Files.list(IncrementalCache.defaultDir())) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("lockcheck-spill-")),
                    "the spill file is unlinked once open");
        }
    }

    @Test
    void theSpillFileIsMadeInTheFirstPlaceThatTakesItAndARunsCacheDirComesFirst(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "open files are listed in /proc");
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "");
        Path cache = dir.resolve("cache");
        SpillFile f = SpillFile.openIn(List.of(notADirectory.resolve("sub"), cache));
        assertNotNull(f);
        List<String> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    open.add(Files.readSymbolicLink(fd).toString());
                } catch (java.io.IOException e) {
                    // closed since listed
                }
            }
        }
        assertTrue(open.stream().anyMatch(l -> l.startsWith(cache.resolve("lockcheck-spill-").toString())
                && l.endsWith("(deleted)")), () -> "open files: " + open);
        SpillFile.preferDir(cache);
        try {
            assertEquals(List.of(cache, IncrementalCache.defaultDir()), SpillFile.places().subList(0, 2));
        } finally {
            SpillFile.preferDir(null);
        }
    }

    private static FunctionUnit withCfg(FunctionUnit f, io.lockcheck.cfg.Cfg cfg) {
        return new FunctionUnit(f.name(), f.file(), f.isStatic(), f.params(), f.types(), f.locals(), f.annotations(), cfg,
                f.entryAliases(), f.span(), f.closingBrace(), f.hasProblems());
    }
}
