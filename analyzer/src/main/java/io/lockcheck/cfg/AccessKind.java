package io.lockcheck.cfg;

/** READ loads, WRITE stores, UPDATE does both (x++, x += n). */
public enum AccessKind {
    READ, WRITE, UPDATE;

    public boolean writes() {
        return this != READ;
    }

    public boolean reads() {
        return this != WRITE;
    }
}
