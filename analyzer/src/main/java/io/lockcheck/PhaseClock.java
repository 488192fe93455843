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
    private long cpuNanos = cpuNanos();

    /** Ends the phase that started at the previous lap (or at construction). */
    void lap(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        long gc = gcMillis();
        long cpu = cpuNanos();
        // CPU over wall: how busy the cores were (2.0 on two cores is all of them)
        System.err.printf(Locale.ROOT, "lockcheck: phase %-9s %7.2f s (CPU %.2fx, GC %.1f s; %s)%n", phase,
                (now - last) / 1e9, (cpu - cpuNanos) / (double) Math.max(1, now - last), (gc - gcMillis) / 1e3,
                io.lockcheck.cfg.Cfg.unpackedState());
        last = now;
        gcMillis = gc;
        cpuNanos = cpu;
    }

    /** The process's CPU time so far (all threads, JIT and GC included); 0 where the JVM cannot tell. */
    private static long cpuNanos() {
        if (!ON) return 0;
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime()) : 0;
    }

    private static long gcMillis() {
        if (!ON) return 0;
        long t = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) t += Math.max(0, gc.getCollectionTime());
        return t;
    }
}
