package io.lockcheck.cfg;

/** A CFG edge; TRUE and FALSE leave COND nodes. */
public record Edge(int from, int to, Kind kind) {
    public enum Kind { NEXT, TRUE, FALSE }

    /**
     * 64: at most 12,288 shared edges, 48 KB of table for the life of the JVM, yet on drm 1.1 M
     * edge objects became 118 k (below 1024: 30 k, but a whole tree's distinct edges would be kept).
     */
    private static final int SHARED_BELOW = 64;
    private static final int KINDS = Kind.values().length;
    /**
     * Racy on purpose: an edge's fields are final, so a thread sees a whole edge or null, and two
     * threads filling one slot at once only make one edge object too many.
     */
    private static final Edge[] SHARED = new Edge[SHARED_BELOW * SHARED_BELOW * KINDS];

    /**
     * The edge, one object JVM-wide between nodes numbered below 64: every CFG of a run stays in
     * memory, and the same few edges ((0, 1, NEXT) first) recur in all of them.
     */
    public static Edge of(int from, int to, Kind kind) {
        if (from < 0 || to < 0 || from >= SHARED_BELOW || to >= SHARED_BELOW) return new Edge(from, to, kind);
        int slot = (from * SHARED_BELOW + to) * KINDS + kind.ordinal();
        Edge e = SHARED[slot];
        if (e == null) SHARED[slot] = e = new Edge(from, to, kind);
        return e;
    }
}
