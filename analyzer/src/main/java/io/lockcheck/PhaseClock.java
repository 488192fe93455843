package io.lockcheck;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The wall time of each phase of a run, on stderr, when {@code LOCKCHECK_PHASES} is set: how
 * {@code bench/} and a user with a slow run see where the time went. Silent otherwise.
 */
final class PhaseClock {
    private static final boolean ON = System.getenv("LOCKCHECK_PHASES") != null;
    private long last = System.nanoTime();
    private long gcMillis = gcMillis();

    /** Ends the phase that started at the previous lap (or at construction). */
    void lap(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        long gc = gcMillis();
        System.err.printf(Locale.ROOT, "lockcheck: phase %-9s %7.2f s (GC %.1f s; %s)%n", phase, (now - last) / 1e9,
                (gc - gcMillis) / 1e3, io.lockcheck.cfg.Cfg.unpackedState());
        last = now;
        gcMillis = gc;
    }

    private static long gcMillis() {
        if (!ON) return 0;
        long t = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }
}
