package io.lockcheck.flow;

import io.lockcheck.cfg.Span;

/**
 * What one path knows of one lock: held or not, where that last changed ({@code site}, the
 * acquire or release; null when it is as on entry), the lock as written, and whether the lock
 * belongs to the caller ({@code fromEntry}: asserted, annotated, or released without being
 * taken here), and whether a ww acquire context owns it ({@code ctx}).
 */
public record LockFact(Held held, Span site, String text, boolean fromEntry, boolean ctx) {
    LockFact(Held held, Span site, String text, boolean fromEntry) {
        this(held, site, text, fromEntry, false);
    }

    LockFact with(Held h, Span s, String t) {
        return new LockFact(h, s, t, fromEntry, ctx);
    }
}
