package io.lockcheck.cfg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A function's control-flow graph. Node 0 is ENTRY, node 1 is EXIT. Built by
 * {@link CfgBuilder}; immutable once {@link #seal()} has run (empty pass-through nodes removed,
 * ids renumbered in creation order so dumps are stable).
 */
public final class Cfg {
    private List<Node> nodes = new ArrayList<>();
    private List<Edge> edges = new ArrayList<>();
    private List<List<Edge>> out;
    private List<List<Edge>> in;

    Cfg() {
    }

    /** A sealed CFG rebuilt from its nodes and edges as {@link #nodes()} and {@link #edges()} gave them (the cache). */
    public static Cfg restore(List<Node> nodes, List<Edge> edges) {
        Cfg c = new Cfg();
        c.nodes = new ArrayList<>(nodes);
        c.edges = new ArrayList<>(edges);
        c.out = index(c.edges, nodes.size(), true);
        c.in = index(c.edges, nodes.size(), false);
        return c;
    }

    /** Every edge, in the order the sealed CFG indexes them. */
    public List<Edge> edges() {
        return Collections.unmodifiableList(edges);
    }

    Node newNode(Node.Kind kind, int line, String label) {
        Node n = new Node(nodes.size(), kind, line, label);
        nodes.add(n);
        return n;
    }

    void addEdge(Node from, Node to, Edge.Kind kind) {
        edges.add(new Edge(from.id(), to.id(), kind));
    }

    public Node entry() {
        return nodes.get(0);
    }

    public Node exit() {
        return nodes.get(1);
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public Node node(int id) {
        return nodes.get(id);
    }

    public List<Edge> successors(int id) {
        return out.get(id);
    }

    public List<Edge> predecessors(int id) {
        return in.get(id);
    }

    /** Drops empty STMT nodes that only pass control on, renumbers, and indexes edges. */
    void seal() {
        int n = nodes.size();
        int[] forward = new int[n];
        for (int i = 0; i < n; i++) forward[i] = i;
        List<List<Edge>> outs = index(edges, n, true);
        for (Node node : nodes) {
            List<Edge> o = outs.get(node.id());
            if (node.kind() == Node.Kind.STMT && node.events().isEmpty() && o.size() == 1
                    && o.get(0).kind() == Edge.Kind.NEXT && o.get(0).to() != node.id()) {
                forward[node.id()] = o.get(0).to();
            }
        }
        // Resolve chains of forwarded nodes (bounded: a cycle of empty nodes is an empty loop).
        for (int i = 0; i < n; i++) {
            int t = forward[i];
            for (int k = 0; k < n && forward[t] != t; k++) t = forward[t];
            if (forward[t] != t) t = i;
            forward[i] = t;
        }
        List<Node> kept = new ArrayList<>();
        int[] newId = new int[n];
        for (Node node : nodes) {
            if (forward[node.id()] == node.id()) {
                newId[node.id()] = kept.size();
                kept.add(node);
            }
        }
        List<Node> renumbered = new ArrayList<>();
        for (Node old : kept) {
            Node c = new Node(renumbered.size(), old.kind(), old.line(), old.label());
            c.setCondVar(old.condVar());
            old.events().forEach(c::add);
            c.trim();
            renumbered.add(c);
        }
        ArrayList<Edge> newEdges = new ArrayList<>();
        java.util.Set<Edge> seen = new java.util.HashSet<>();
        for (Edge e : edges) {
            if (forward[e.from()] != e.from()) continue;
            Edge ne = new Edge(newId[e.from()], newId[forward[e.to()]], e.kind());
            if (seen.add(ne)) newEdges.add(ne);
        }
        nodes = renumbered;
        newEdges.trimToSize();
        edges = newEdges;
        out = index(edges, nodes.size(), true);
        in = index(edges, nodes.size(), false);
    }

    /** Edges by node, as immutable lists of exactly their size: every CFG of a run stays in memory. */
    private static List<List<Edge>> index(List<Edge> edges, int n, boolean byFrom) {
        List<List<Edge>> idx = new ArrayList<>(n);
        for (int i = 0; i < n; i++) idx.add(new ArrayList<>(2));
        for (Edge e : edges) idx.get(byFrom ? e.from() : e.to()).add(e);
        for (int i = 0; i < n; i++) idx.set(i, List.copyOf(idx.get(i)));
        return idx;
    }

    private boolean[] cyclic;
    private int[] component;

    /** True when the node lies on a cycle: a loop test or body. */
    public boolean inCycle(int id) {
        return cyclic()[id];
    }

    /**
     * Computed once, under the lock: rules read other functions' CFGs (a caller as a race
     * witness) while another worker solves them, and {@code component} must be seen with it.
     */
    private synchronized boolean[] cyclic() {
        if (cyclic == null) cyclic = cycles();
        return cyclic;
    }

    /** True for a loop's exit test: on a cycle, with an edge that leaves it (while test, if (...) break). */
    public boolean exitsCycle(int id) {
        if (!inCycle(id)) return false;
        for (Edge e : out.get(id)) if (component[e.to()] != component[id]) return true;
        return false;
    }

    /** The locals assigned anywhere on the cycle through {@code id} (a loop's counters and cursors). */
    public synchronized java.util.Set<String> assignedInCycle(int id) {
        if (!inCycle(id)) return java.util.Set.of();
        if (assignedByComponent == null) {
            assignedByComponent = new java.util.HashMap<>();
            for (Node n : nodes) {
                if (!inCycle(n.id())) continue;
                var set = assignedByComponent.computeIfAbsent(component[n.id()], k -> new java.util.TreeSet<>());
                for (Event e : n.events()) if (e instanceof Event.Assign a) set.add(a.var());
            }
        }
        return assignedByComponent.getOrDefault(component[id], java.util.Set.of());
    }

    private java.util.Map<Integer, java.util.Set<String>> assignedByComponent;
    private final java.util.Map<Integer, java.util.BitSet> reachable = new java.util.HashMap<>();

    /** True when control can go from node {@code from} to node {@code to} (to itself only around a loop). */
    public synchronized boolean reaches(int from, int to) {
        return reachable.computeIfAbsent(from, f -> {
            java.util.BitSet seen = new java.util.BitSet(nodes.size());
            java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
            for (Edge e : out.get(f)) work.add(e.to());
            while (!work.isEmpty()) {
                int v = work.poll();
                if (seen.get(v)) continue;
                seen.set(v);
                for (Edge e : out.get(v)) work.add(e.to());
            }
            return seen;
        }).get(to);
    }

    /** Nodes in a strongly connected component with a cycle (Kosaraju, iterative, linear). */
    private boolean[] cycles() {
        int n = nodes.size();
        int[] order = new int[n];
        int k = 0;
        boolean[] seen = new boolean[n];
        int[] next = new int[n];
        int[] stack = new int[n];
        for (int s0 = 0; s0 < n; s0++) {
            if (seen[s0]) continue;
            int sp = 0;
            stack[sp++] = s0;
            seen[s0] = true;
            while (sp > 0) {
                int v = stack[sp - 1];
                if (next[v] < out.get(v).size()) {
                    int w = out.get(v).get(next[v]++).to();
                    if (!seen[w]) {
                        seen[w] = true;
                        stack[sp++] = w;
                    }
                } else {
                    order[k++] = v;
                    sp--;
                }
            }
        }
        int[] comp = new int[n];
        java.util.Arrays.fill(comp, -1);
        int[] size = new int[n];
        int c = 0;
        for (int i = n - 1; i >= 0; i--) {
            int r = order[i];
            if (comp[r] >= 0) continue;
            int sp = 0;
            stack[sp++] = r;
            comp[r] = c;
            while (sp > 0) {
                int v = stack[--sp];
                size[c]++;
                for (Edge e : in.get(v)) {
                    if (comp[e.from()] < 0) {
                        comp[e.from()] = c;
                        stack[sp++] = e.from();
                    }
                }
            }
            c++;
        }
        component = comp;
        boolean[] result = new boolean[n];
        for (int v = 0; v < n; v++) {
            result[v] = size[comp[v]] > 1;
            for (Edge e : out.get(v)) if (e.to() == v) result[v] = true;
        }
        return result;
    }

    /** Node ids in reverse post-order from ENTRY (unreachable nodes last, by id). */
    public int[] reversePostOrder() {
        int n = nodes.size();
        boolean[] seen = new boolean[n];
        List<Integer> post = new ArrayList<>();
        // iterative DFS so deep CFGs cannot overflow the stack
        int[] stack = new int[n + 1];
        int[] next = new int[n];
        int sp = 0;
        stack[sp++] = 0;
        seen[0] = true;
        while (sp > 0) {
            int v = stack[sp - 1];
            List<Edge> succ = out.get(v);
            if (next[v] < succ.size()) {
                int w = succ.get(next[v]++).to();
                if (!seen[w]) {
                    seen[w] = true;
                    stack[sp++] = w;
                }
            } else {
                post.add(v);
                sp--;
            }
        }
        int[] order = new int[n];
        int k = 0;
        for (int i = post.size() - 1; i >= 0; i--) order[k++] = post.get(i);
        for (int i = 0; i < n; i++) if (!seen[i]) order[k++] = i;
        return order;
    }
}
