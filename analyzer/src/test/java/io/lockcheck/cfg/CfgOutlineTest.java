package io.lockcheck.cfg;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole-run passes read a CFG's outline (its calls and lock events); the call graph and the
 * lock fields of a packed CFG come without unpacking it.
 */
class CfgOutlineTest {
    private static final String SOURCE = """
            struct lru { int lock; int count; };
            void helper(struct lru *l);
            int scan(struct lru *l, int n) {
                int i;
                spin_lock(&l->lock);
                for (i = 0; i < n; i++) {
                    l->count++;
                    helper(l);
                }
                helper(l);
                if (!spin_trylock(&l->lock))
                    return -1;
                lockdep_assert_held(&l->lock);
                spin_unlock(&l->lock);
                return l->count;
            }
            """;

    @Test
    void outlineIsTheGraphsCallsAndLockEventsAndAPackedCfgNamesItsCalleesAndLocksWithoutUnpacking(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.c"), SOURCE);
        FunctionUnit fn = new Analyzer(List.of(), AnalyzerOptions.defaults().withJobs(1))
                .run(List.of(dir), new ArrayList<>()).functions().get(0);
        List<Event> expected = new ArrayList<>();
        for (Node n : fn.cfg().nodes()) {
            for (Event e : n.events()) {
                if (!(e instanceof Event.Access || e instanceof Event.Assign || e instanceof Event.Return
                        || e instanceof Event.Release)) {
                    expected.add(e);
                }
            }
        }
        assertEquals(List.of("Acquire", "Call", "TryAcquire", "AssertHeld"),
                expected.stream().map(e -> e.getClass().getSimpleName()).distinct().toList());
        assertEquals(expected, fn.cfg().outline());

        AtomicInteger unpacks = new AtomicInteger();
        fn.cfg().packWhenEvicted((c, was) -> List.of(new ArrayList<>(c.nodes()), new ArrayList<>(c.edges())), packed -> {
            unpacks.incrementAndGet();
            List<?> parts = (List<?>) packed;
            @SuppressWarnings("unchecked") Cfg back = Cfg.restore((List<Node>) parts.get(0), (List<Edge>) parts.get(1));
            return back;
        });
        fn.cfg().evict();
        assertEquals(List.of("helper"), fn.cfg().callees());
        assertEquals(List.of("lock"), fn.cfg().lockFields());
        assertEquals(0, unpacks.get(), "callees() or lockFields() unpacked the graph");
        assertEquals(expected, fn.cfg().outline());
        assertEquals(1, unpacks.get());
    }
}
