package io.lockcheck.cfg;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A CFG edge; TRUE and FALSE leave COND nodes. */
public record Edge(int from, int to, Kind kind) {
    public enum Kind { NEXT, TRUE, FALSE }

    /**
     * 64: at most 12,288 shared edges, under 1 MB for the life of the JVM, yet on drm 1.1 M edge
     * objects became 118 k (below 1024: 30 k, but a whole tree's distinct edges would be kept).
     */
    private static final int SHARED_BELOW = 64;
    private static final Map<Integer, Edge> SHARED = new ConcurrentHashMap<>();

    /**
     * The edge, one object JVM-wide between nodes numbered below 64: every CFG of a run stays
     * in memory, and the same few edges ((0, 1, NEXT) first) recur in all of them.
     */
    public static Edge of(int from, int to, Kind kind) {
        if (from < 0 || to < 0 || from >= SHARED_BELOW || to >= SHARED_BELOW) return new Edge(from, to, kind);
        int key = (from * SHARED_BELOW + to) * 3 + kind.ordinal();
        Edge e = SHARED.get(key); // computeIfAbsent locks the bin even when present
        return e != null ? e : SHARED.computeIfAbsent(key, k -> new Edge(from, to, kind));
    }
}
