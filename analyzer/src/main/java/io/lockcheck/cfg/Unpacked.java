package io.lockcheck.cfg;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The CFGs unpacked right now, oldest first, weighed in nodes, edges and events. Past the
 * budget the oldest are packed and dropped: a run's phases each walk every function once, so
 * recency is what matters. The default budget is half the heap at about 250 bytes a unit (Linux
 * 6.12 drivers/gpu/drm fits in a default heap, the whole tree does not). Eviction happens
 * outside this class's lock and takes only the evicted CFG's lock; a worker still using an
 * evicted graph keeps its reference, and its next use unpacks an equal one.
 */
final class Unpacked {
    /** Weak: a long-lived process (the LSP server) must not keep the CFGs of finished runs. */
    private record Entry(WeakReference<Cfg> cfg, int weight) {
    }

    private static final ArrayDeque<Entry> QUEUE = new ArrayDeque<>();
    static final long DEFAULT_BUDGET = Runtime.getRuntime().maxMemory() / 2 / 250;
    private static long budget = DEFAULT_BUDGET;
    private static long total;

    private Unpacked() {
    }

    static synchronized void budget(long units) {
        budget = units;
    }

    static void admit(Cfg c) {
        int w = c.weight();
        List<Cfg> victims = new ArrayList<>();
        synchronized (Unpacked.class) {
            QUEUE.add(new Entry(new WeakReference<>(c), w));
            total += w;
            while (total > budget && QUEUE.size() > 1) {
                Entry e = QUEUE.poll();
                total -= e.weight();
                Cfg v = e.cfg().get();
                if (v != null && v != c) victims.add(v);
            }
        }
        for (Cfg v : victims) v.evict();
    }
}
