package io.lockcheck.flow;

import io.lockcheck.cfg.FunctionUnit;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs each strongly connected component of the call graph as soon as every component it calls
 * is done, on as many workers as {@link Summaries.Workers#parallelism} says. Running the graph
 * level by level instead left a core idle whenever a level had one long function left: the
 * contracts of a whole kernel tree kept 1.13 of 2 cores busy.
 */
final class CalleesFirst {
    private final List<List<FunctionUnit>> sccs;
    private final Consumer<List<FunctionUnit>> solve;
    private final int[] pending;
    /** The components calling component j: dependents[first[j]] to dependents[first[j + 1] - 1]. */
    private final int[] first;
    private final int[] dependents;
    private final Deque<Integer> ready = new ArrayDeque<>();
    private int done;
    private Throwable failure;

    /** {@code sccs}: callees first (as Tarjan's algorithm gives them); {@code edges}: each function's callees. */
    private CalleesFirst(List<List<FunctionUnit>> sccs, Map<FunctionUnit, List<FunctionUnit>> edges,
                         Consumer<List<FunctionUnit>> solve) {
        this.sccs = sccs;
        this.solve = solve;
        int n = sccs.size();
        Map<FunctionUnit, Integer> sccOf = new IdentityHashMap<>();
        for (int k = 0; k < n; k++) {
            for (FunctionUnit f : sccs.get(k)) sccOf.put(f, k);
        }
        // arrays, not a list per component: a whole tree has 670 thousand components
        pending = new int[n];
        first = new int[n + 1];
        int[] called = calledComponents(sccs, edges, sccOf, n);
        for (int k = 0, at = 0; k < n; k++) {
            for (; called[at] != -1; at++) {
                pending[k]++;
                first[called[at] + 1]++;
            }
            at++;
            if (pending[k] == 0) ready.add(k);
        }
        for (int j = 0; j < n; j++) first[j + 1] += first[j];
        dependents = new int[first[n]];
        int[] filled = new int[n];
        for (int k = 0, at = 0; k < n; k++, at++) {
            for (; called[at] != -1; at++) dependents[first[called[at]] + filled[called[at]]++] = k;
        }
    }

    /** For each component in turn, the distinct other components it calls, each list ended by -1. */
    private static int[] calledComponents(List<List<FunctionUnit>> sccs, Map<FunctionUnit, List<FunctionUnit>> edges,
                                          Map<FunctionUnit, Integer> sccOf, int n) {
        int[] out = new int[n + 16];
        int size = 0;
        int[] countedFor = new int[n]; // k + 1 once component k listed it
        for (int k = 0; k < n; k++) {
            for (FunctionUnit f : sccs.get(k)) {
                for (FunctionUnit g : edges.get(f)) {
                    int j = sccOf.get(g);
                    if (j == k || countedFor[j] == k + 1) continue;
                    countedFor[j] = k + 1;
                    if (size + 1 >= out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
                    out[size++] = j;
                }
            }
            if (size + 1 >= out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
            out[size++] = -1;
        }
        return out;
    }

    static void run(List<List<FunctionUnit>> sccs, Map<FunctionUnit, List<FunctionUnit>> edges,
                    Summaries.Workers workers, Consumer<List<FunctionUnit>> solve) {
        CalleesFirst schedule = new CalleesFirst(sccs, edges, solve);
        int n = Math.max(1, Math.min(workers.parallelism(), sccs.size()));
        workers.runAll(Collections.nCopies(n, schedule::work));
        if (schedule.failure instanceof Error e) throw e;
        if (schedule.failure != null) throw new IllegalStateException(schedule.failure);
    }

    /** One worker: takes ready components until all are done or one failed. */
    private void work() {
        while (true) {
            int k;
            synchronized (this) {
                while (ready.isEmpty() && done < sccs.size() && failure == null) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        failure = e;
                        notifyAll();
                    }
                }
                if (ready.isEmpty() || failure != null) return;
                k = ready.poll();
            }
            Throwable failed = null;
            try {
                solve.accept(sccs.get(k));
            } catch (RuntimeException | Error e) {
                failed = e;
            }
            synchronized (this) {
                done++;
                if (failed != null && failure == null) failure = failed;
                for (int i = first[k]; i < first[k + 1]; i++) if (--pending[dependents[i]] == 0) ready.add(dependents[i]);
                notifyAll();
            }
        }
    }
}
