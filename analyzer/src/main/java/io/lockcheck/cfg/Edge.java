package io.lockcheck.cfg;

/** A CFG edge; TRUE and FALSE leave COND nodes. */
public record Edge(int from, int to, Kind kind) {
    public enum Kind { NEXT, TRUE, FALSE }
}
