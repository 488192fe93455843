package io.lockcheck.flow;

/**
 * Whether a lock is held at a point. MAYBE: held on some merged paths only. UNKNOWN: the
 * variable naming the lock changed while it was held (a list cursor moved on), so the lock
 * can no longer be named; nothing is reported about it.
 */
public enum Held {
    YES, NO, MAYBE, UNKNOWN
}
