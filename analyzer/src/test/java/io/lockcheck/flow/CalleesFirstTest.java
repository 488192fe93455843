package io.lockcheck.flow;

import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.frontend.CParser;
import io.lockcheck.frontend.FileFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each component of the call graph runs once, after every component it calls, and as soon as they are done. */
class CalleesFirstTest {
    private static final String C = """
            void leaf_b(void) { }
            void leaf_c(void) { }
            void top_a(void) { leaf_b(); }
            void ping(int n) { if (n) pong(n - 1); leaf_c(); }
            void pong(int n) { if (n) ping(n - 1); }
            """;

    /** Runs each task on a thread of its own, all at once. */
    private static final Summaries.Workers TWO = new Summaries.Workers() {
        @Override
        public void runAll(List<Runnable> tasks) {
            List<Thread> threads = new ArrayList<>();
            for (Runnable t : tasks) threads.add(new Thread(t));
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public int parallelism() {
            return 2;
        }
    };

    private Map<String, FunctionUnit> fns;
    private Map<FunctionUnit, List<FunctionUnit>> edges;
    private List<List<FunctionUnit>> sccs;

    private void load(Path dir) throws Exception {
        Path file = dir.resolve("calls.c");
        Files.writeString(file, C);
        fns = new java.util.HashMap<>();
        for (FunctionUnit f : FileFacts.of(file, new CParser(List.of(), Map.of()), 1 << 20).functions()) fns.put(f.name(), f);
        edges = new IdentityHashMap<>();
        for (FunctionUnit f : fns.values()) {
            edges.put(f, f.cfg().callees().stream().map(fns::get).filter(java.util.Objects::nonNull).toList());
        }
        sccs = List.of(List.of(fns.get("leaf_b")), List.of(fns.get("leaf_c")), List.of(fns.get("top_a")),
                List.of(fns.get("ping"), fns.get("pong")));
    }

    @Test
    void everyComponentRunsOnceAfterTheComponentsItCalls(@TempDir Path dir) throws Exception {
        load(dir);
        for (Summaries.Workers w : List.of(TWO, (Summaries.Workers) tasks -> tasks.forEach(Runnable::run))) {
            List<List<FunctionUnit>> order = Collections.synchronizedList(new ArrayList<>());
            CalleesFirst.run(sccs, edges, w, order::add);
            assertEquals(sccs.size(), order.size());
            assertEquals(sccs.size(), order.stream().distinct().count());
            for (List<FunctionUnit> scc : sccs) {
                for (FunctionUnit f : scc) {
                    for (FunctionUnit g : edges.get(f)) {
                        if (scc.contains(g)) continue;
                        int callee = order.indexOf(sccs.stream().filter(s -> s.contains(g)).findFirst().orElseThrow());
                        assertTrue(callee < order.indexOf(scc), () -> g.name() + " runs before its caller " + f.name());
                    }
                }
            }
        }
    }

    @Test
    void aCallerRunsOnceItsCalleesAreDoneWhileOtherComponentsStillRun(@TempDir Path dir) throws Exception {
        load(dir);
        // run level by level, top_a (level 1) would wait for leaf_c (level 0), which waits for top_a
        CountDownLatch topDone = new CountDownLatch(1);
        CalleesFirst.run(sccs, edges, TWO, scc -> {
            String name = scc.get(0).name();
            if (name.equals("top_a")) topDone.countDown();
            if (name.equals("leaf_c")) {
                try {
                    assertTrue(topDone.await(20, TimeUnit.SECONDS), "top_a ran while leaf_c was still running");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        assertEquals(0, topDone.getCount());
    }

    @Test
    void aFailureEndsTheRunAndReachesTheCaller(@TempDir Path dir) throws Exception {
        load(dir);
        StackOverflowError boom = new StackOverflowError("deep");
        StackOverflowError thrown = assertThrows(StackOverflowError.class, () -> CalleesFirst.run(sccs, edges, TWO, scc -> {
            if (scc.get(0).name().equals("leaf_b")) throw boom;
        }));
        assertSame(boom, thrown);
    }
}
