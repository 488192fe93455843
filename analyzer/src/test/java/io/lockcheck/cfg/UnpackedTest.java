package io.lockcheck.cfg;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Memory pressure packs the oldest unpacked CFGs; each unpacks again, equal, on its next use. */
class UnpackedTest {
    @AfterEach
    void defaultBudget() {
        Cfg.unpackedBudget(-1);
    }

    @Test
    void shrinkingPacksTheOldestHalfAndTheyUnpackOnUse(@TempDir Path dir) throws Exception {
        StringBuilder src = new StringBuilder("struct o { int lock; int n; };\n");
        for (int i = 0; i < 8; i++) {
            src.append("int f").append(i).append("(struct o *o) { spin_lock(&o->lock); o->n = ").append(i)
                    .append("; spin_unlock(&o->lock); return o->n; }\n");
        }
        Files.writeString(dir.resolve("a.c"), src);
        List<FunctionUnit> fns = new Analyzer(List.of(), AnalyzerOptions.defaults().withJobs(1))
                .run(List.of(dir), new ArrayList<>()).functions();
        assertEquals(8, fns.size());
        List<String> before = fns.stream().map(CfgDump::render).toList();
        // budget 1: using f0 packs every other CFG admitted so far (also other tests')
        Cfg.unpackedBudget(1);
        fns.get(0).cfg().evict();
        fns.get(0).cfg().nodes();
        assertTrue(fns.subList(1, 8).stream().allMatch(f -> f.cfg().isPacked()));
        Cfg.unpackedBudget(Long.MAX_VALUE / 2);
        fns.forEach(f -> f.cfg().nodes()); // unpacked again, in order: f0 is the oldest
        assertEquals(0, fns.stream().filter(f -> f.cfg().isPacked()).count());

        assertFalse(Cfg.memoryShort());
        Unpacked.shrink(); // eight CFGs of one weight: the budget becomes four
        assertTrue(Cfg.memoryShort(), "packed CFGs now go out of the heap");
        assertEquals(List.of(true, true, true, true, false, false, false, false),
                fns.stream().map(f -> f.cfg().isPacked()).toList());
        assertEquals(before, fns.stream().map(CfgDump::render).toList());
    }
}
