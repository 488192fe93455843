package io.lockcheck.report;

import io.lockcheck.rule.Stats;

/**
 * Parse fidelity rounded down to a fixed number of decimal places, computed from the counts in
 * integers: floating point would print 97.5% for 976 of 1000, and rounding half-up would print
 * 100.0% for a run that did have functions with parse problems.
 */
final class Fidelity {
    private Fidelity() {
    }

    /** Fidelity times {@code scale}, rounded down: {@code scale} 1000 gives tenths of a percent. */
    static long floored(Stats s, long scale) {
        if (s.functions() <= 0) {
            return scale;
        }
        long clean = Math.max(0, (long) s.functions() - s.functionsWithProblems());
        return clean * scale / s.functions();
    }
}
