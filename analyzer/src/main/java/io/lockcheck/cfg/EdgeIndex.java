package io.lockcheck.cfg;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A CFG's edges by source (or by target) node, each node's in the order of the CFG's edge list:
 * one array of edges and one of offsets. A list per node was two small objects per node and
 * direction, 45 MB of drivers/gpu/drm's CFGs, which every run keeps.
 */
final class EdgeIndex {
    private final Edge[] edges;
    /** Node {@code v}'s edges are {@code edges[start[v]]} up to {@code edges[start[v + 1]]}. */
    private final int[] start;

    private EdgeIndex(Edge[] edges, int[] start) {
        this.edges = edges;
        this.start = start;
    }

    /** The edges of {@code n} nodes by {@code from} ({@code byFrom}) or by {@code to}: a stable counting sort. */
    static EdgeIndex of(List<Edge> all, int n, boolean byFrom) {
        int[] start = new int[n + 1];
        for (Edge e : all) start[(byFrom ? e.from() : e.to()) + 1]++;
        for (int v = 0; v < n; v++) start[v + 1] += start[v];
        int[] fill = java.util.Arrays.copyOf(start, n);
        Edge[] sorted = new Edge[all.size()];
        for (Edge e : all) sorted[fill[byFrom ? e.from() : e.to()]++] = e;
        return new EdgeIndex(sorted, start);
    }

    int nodes() {
        return start.length - 1;
    }

    int size(int node) {
        return start[node + 1] - start[node];
    }

    Edge get(int node, int i) {
        return edges[start[node] + i];
    }

    /** Node {@code node}'s edges as a list (a view: made at each call). */
    List<Edge> of(int node) {
        int from = start[node], to = start[node + 1];
        return from == to ? List.of() : new Slice(edges, from, to);
    }

    private static final class Slice extends AbstractList<Edge> implements RandomAccess {
        private final Edge[] edges;
        private final int from, to;

        Slice(Edge[] edges, int from, int to) {
            this.edges = edges;
            this.from = from;
            this.to = to;
        }

        @Override
        public Edge get(int i) {
            java.util.Objects.checkIndex(i, to - from);
            return edges[from + i];
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
