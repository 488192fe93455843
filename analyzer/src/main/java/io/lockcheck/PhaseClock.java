package io.lockcheck;

import java.util.Locale;

/**
 * The wall time of each phase of a run, on stderr, when {@code LOCKCHECK_PHASES} is set: how
 * {@code bench/} and a user with a slow run see where the time went. Silent otherwise.
 */
final class PhaseClock {
    private static final boolean ON = System.getenv("LOCKCHECK_PHASES") != null;
    private long last = System.nanoTime();

    /** Ends the phase that started at the previous lap (or at construction). */
    void lap(String phase) {
        if (!ON) return;
        long now = System.nanoTime();
        System.err.printf(Locale.ROOT, "lockcheck: phase %-9s %7.2f s%n", phase, (now - last) / 1e9);
        last = now;
    }
}
