package io.lockcheck.cfg;

import javax.management.NotificationEmitter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The CFGs unpacked right now, oldest first, weighed in nodes, edges and events. Past the
 * budget the oldest are packed and dropped: a run's phases each walk every function once, so
 * recency is what matters. The default budget is half the heap at about 250 bytes a unit (Linux
 * 6.12 drivers/gpu/drm fits in a default heap, the whole tree does not). The rest of a run's
 * data grows too (contracts, facts, texts), so when a full collection leaves the old generation
 * more than {@link #FULL_PERCENT}% full, the budget drops to half of what is unpacked then,
 * and memory counts as short: packed CFGs then leave the heap (see PackedCfgs).
 * Eviction happens outside this class's lock and takes only the evicted CFG's lock; a worker
 * still using an evicted graph keeps its reference, and its next use unpacks an equal one.
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

    private static long admitted, evicted, shrunk;

    /** For {@code LOCKCHECK_PHASES}: how the budget has been doing. */
    static synchronized String state() {
        return "unpacked budget " + budget + " (default " + DEFAULT_BUDGET + ", halved " + shrunk + "x), "
                + admitted + " unpacked, " + evicted + " packed";
    }

    static void admit(Cfg c) {
        int w = c.weight();
        List<Cfg> victims = new ArrayList<>();
        synchronized (Unpacked.class) {
            QUEUE.add(new Entry(new WeakReference<>(c), w));
            total += w;
            admitted++;
            victims(c, victims);
            evicted += victims.size();
            // a run of a few files never gets here, so it does not pay for the management beans
            if (!watching && total > DEFAULT_BUDGET / 8) {
                watching = true;
                watchHeap();
            }
        }
        for (Cfg v : victims) v.evict();
    }

    private static void victims(Cfg keep, List<Cfg> out) {
        while (total > budget && QUEUE.size() > 1) {
            Entry e = QUEUE.poll();
            total -= e.weight();
            Cfg v = e.cfg().get();
            if (v != null && v != keep) out.add(v);
        }
    }

    static final int FULL_PERCENT = 60;
    private static boolean watching;

    /** Asks for a notification when a collection leaves the old generation over {@link #FULL_PERCENT}% full. */
    private static void watchHeap() {
        try {
            boolean any = false;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                String name = pool.getName();
                long max = pool.getUsage().getMax();
                if (pool.getType() != MemoryType.HEAP || !pool.isCollectionUsageThresholdSupported() || max <= 0
                        || !(name.contains("Old") || name.contains("Tenured"))) {
                    continue;
                }
                pool.setCollectionUsageThreshold(max / 100 * FULL_PERCENT);
                any = true;
            }
            if (any) {
                ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener((n, h) -> {
                    if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType())) shrink();
                }, null, null);
            }
        } catch (RuntimeException | LinkageError e) {
            // no management beans: the fixed budget alone
        }
    }

    private static volatile boolean memoryShort;

    static boolean memoryShort() {
        return memoryShort;
    }

    static void memoryShort(boolean s) {
        memoryShort = s;
    }

    /** Halves what may stay unpacked, and packs the oldest down to it. */
    static void shrink() {
        memoryShort = true;
        List<Cfg> victims = new ArrayList<>();
        synchronized (Unpacked.class) {
            budget = Math.max(1, Math.min(budget, total / 2));
            shrunk++;
            victims(null, victims);
            evicted += victims.size();
        }
        for (Cfg v : victims) v.evict();
    }
}
