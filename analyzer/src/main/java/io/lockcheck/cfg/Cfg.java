package io.lockcheck.cfg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A function's control-flow graph. Node 0 is ENTRY, node 1 is EXIT. Built by
 * {@link CfgBuilder}; immutable once {@link #seal()} has run (empty pass-through nodes removed,
 * ids renumbered in creation order so dumps are stable).
 */
public final class Cfg {
    /** Nodes and edges; {@code out} and {@code in} index the edges by node once sealed. */
    private record Graph(List<Node> nodes, List<Edge> edges, EdgeIndex out, EdgeIndex in,
                         List<Event> outline) {
    }

    /** Null only while packed: see {@link #packWhenEvicted}. */
    private volatile Graph graph = new Graph(new ArrayList<>(), new ArrayList<>(), null, null, null);
    private Object packed;
    private java.util.function.BiFunction<Cfg, Object, Object> pack;
    private Function<Object, Cfg> unpack;

    Cfg() {
    }

    /** A sealed CFG rebuilt from its nodes and edges as {@link #nodes()} and {@link #edges()} gave them (the cache). */
    public static Cfg restore(List<Node> nodes, List<Edge> edges) {
        ArrayList<Edge> shared = new ArrayList<>(edges.size());
        for (Edge e : edges) shared.add(Edge.of(e.from(), e.to(), e.kind()));
        Cfg c = new Cfg();
        c.graph = new Graph(new ArrayList<>(nodes), shared, EdgeIndex.of(shared, nodes.size(), true),
                EdgeIndex.of(shared, nodes.size(), false), outlineOf(nodes));
        return c;
    }

    /**
     * The calls and the lock events (acquire, trylock, assert) in node order: what the
     * whole-run passes look for in a body.
     */
    public List<Event> outline() {
        return outline(g());
    }

    private static List<Event> outline(Graph g) {
        return g.outline() != null ? g.outline() : outlineOf(g.nodes()); // null: still being built
    }

    private static List<Event> outlineOf(List<Node> nodes) {
        List<Event> out = new ArrayList<>();
        for (Node n : nodes) {
            for (Event e : n.events()) {
                if (e instanceof Event.Call || Event.namedLock(e) != null) out.add(e);
            }
        }
        return out.isEmpty() ? List.of() : List.copyOf(out);
    }

    /** What a packed CFG still answers without unpacking: made at the first eviction or question. */
    private record Names(List<String> callees, List<String> lockFields) {
        static Names of(List<Event> outline) {
            java.util.Set<String> callees = new java.util.LinkedHashSet<>(), fields = new java.util.LinkedHashSet<>();
            for (Event e : outline) {
                io.lockcheck.lock.LockPath lock = Event.namedLock(e);
                if (lock != null) fields.add(Texts.shared(lock.lastField()));
                else if (e instanceof Event.Call c && c.callee() != null) callees.add(c.callee());
            }
            return new Names(List.copyOf(callees), List.copyOf(fields));
        }
    }

    private volatile Names names;

    /**
     * The functions called by name, each once, in the order of their first call. The call graph
     * of a whole run is built from these, so it unpacks no CFG.
     */
    public List<String> callees() {
        return names().callees();
    }

    /** The last field of each lock taken, tried or asserted ({@code mutex} of {@code dev->mutex}), without unpacking. */
    public List<String> lockFields() {
        return names().lockFields();
    }

    /** Not made when a CFG is restored: unpacking restores one, and its names are those it had. */
    private Names names() {
        Names n = names;
        if (n != null) return n;
        Graph g = g();
        n = Names.of(outline(g));
        if (g.outline() != null) names = n; // final once sealed; a CFG still being built may grow
        return n;
    }

    /**
     * Lets this CFG be kept in {@code pack}'s form when more CFGs are in use than the heap holds
     * ({@link Unpacked}), and be unpacked by {@code unpack} when used again. A whole kernel
     * tree's CFGs as objects do not fit in a default heap; a subsystem's do, and then nothing
     * is packed. {@code pack} gets the graph and the form an earlier eviction made (null the
     * first time); it may return that form again, or another.
     */
    public void packWhenEvicted(java.util.function.BiFunction<Cfg, Object, Object> pack, Function<Object, Cfg> unpack) {
        synchronized (this) {
            this.pack = pack;
            this.unpack = unpack;
        }
        Unpacked.admit(this);
    }

    /** The heap the graph takes, roughly: nodes, edges and events. */
    int weight() {
        Graph g = graph;
        if (g == null) return 0;
        int w = g.nodes().size() + g.edges().size();
        for (Node n : g.nodes()) w += n.events().size();
        return w;
    }

    /** Packs (see packWhenEvicted) and drops the graph, or later if pinned. Called holding no other CFG's lock. */
    synchronized void evict() {
        if (graph == null || pack == null) return;
        if (pins > 0) {
            evictWhenUnpinned = true;
            return;
        }
        names(); // a packed CFG still answers them
        packed = pack.apply(this, packed);
        graph = null;
    }

    /** True while the graph is packed (tests). */
    synchronized boolean isPacked() {
        return graph == null;
    }

    private int pins;
    private boolean evictWhenUnpinned;

    /** Released by {@link #close()}; not an exception-throwing resource. */
    public interface Pin extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Keeps the graph unpacked until the pin is closed, so one analysis of a function sees the
     * same node and event objects throughout (some facts are keyed by identity: two loads in
     * one macro expansion are equal records at one place).
     */
    public Pin pin() {
        synchronized (this) {
            pins++;
        }
        g(); // not under this lock: unpacking evicts others, which takes their locks
        return () -> {
            boolean now;
            synchronized (this) {
                now = --pins == 0 && evictWhenUnpinned;
                if (now) evictWhenUnpinned = false;
            }
            if (now) evict();
        };
    }

    private Graph g() {
        Graph g = graph;
        return g != null ? g : unpacked();
    }

    private Graph unpacked() {
        Graph g;
        synchronized (this) {
            g = graph;
            if (g != null) return g;
            g = unpack.apply(packed).graph;
            graph = g;
        }
        Unpacked.admit(this); // outside this CFG's lock: admitting evicts, which locks others
        return g;
    }

    /**
     * Sets how many nodes, edges and events may stay unpacked (tests); negative: the default,
     * half the heap, and memory no longer short.
     */
    public static void unpackedBudget(long units) {
        Unpacked.budget(units < 0 ? Unpacked.DEFAULT_BUDGET : units);
        if (units < 0) Unpacked.memoryShort(false);
    }

    /** The unpacked budget and how often CFGs were unpacked and packed, in words (LOCKCHECK_PHASES). */
    public static String unpackedState() {
        return Unpacked.state();
    }

    /** True once a full collection left the heap mostly full in this process (see Unpacked). */
    public static boolean memoryShort() {
        return Unpacked.memoryShort();
    }

    /** Every edge, in the order the sealed CFG indexes them. */
    public List<Edge> edges() {
        return Collections.unmodifiableList(g().edges());
    }

    Node newNode(Node.Kind kind, int line, String label) {
        List<Node> nodes = g().nodes();
        Node n = new Node(nodes.size(), kind, line, label);
        nodes.add(n);
        return n;
    }

    void addEdge(Node from, Node to, Edge.Kind kind) {
        g().edges().add(new Edge(from.id(), to.id(), kind));
    }

    public Node entry() {
        return g().nodes().get(0);
    }

    public Node exit() {
        return g().nodes().get(1);
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(g().nodes());
    }

    public Node node(int id) {
        return g().nodes().get(id);
    }

    public List<Edge> successors(int id) {
        return g().out().of(id);
    }

    public List<Edge> predecessors(int id) {
        return g().in().of(id);
    }

    /** Drops empty STMT nodes that only pass control on, renumbers, and indexes edges. */
    void seal() {
        List<Node> nodes = g().nodes();
        List<Edge> edges = g().edges();
        int n = nodes.size();
        int[] forward = new int[n];
        for (int i = 0; i < n; i++) forward[i] = i;
        EdgeIndex outs = EdgeIndex.of(edges, n, true);
        for (Node node : nodes) {
            List<Edge> o = outs.of(node.id());
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
            Edge ne = Edge.of(newId[e.from()], newId[forward[e.to()]], e.kind());
            if (seen.add(ne)) newEdges.add(ne);
        }
        newEdges.trimToSize();
        graph = new Graph(renumbered, newEdges, EdgeIndex.of(newEdges, renumbered.size(), true),
                EdgeIndex.of(newEdges, renumbered.size(), false), outlineOf(renumbered));
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
        for (Edge e : successors(id)) if (component[e.to()] != component[id]) return true;
        return false;
    }

    /** The locals assigned anywhere on the cycle through {@code id} (a loop's counters and cursors). */
    public synchronized java.util.Set<String> assignedInCycle(int id) {
        if (!inCycle(id)) return java.util.Set.of();
        if (assignedByComponent == null) {
            assignedByComponent = new java.util.HashMap<>();
            for (Node n : g().nodes()) {
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
        EdgeIndex out = g().out();
        return reachable.computeIfAbsent(from, f -> {
            java.util.BitSet seen = new java.util.BitSet(out.nodes());
            java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
            for (int i = 0; i < out.size(f); i++) work.add(out.get(f, i).to());
            while (!work.isEmpty()) {
                int v = work.poll();
                if (seen.get(v)) continue;
                seen.set(v);
                for (int i = 0; i < out.size(v); i++) work.add(out.get(v, i).to());
            }
            return seen;
        }).get(to);
    }

    /** Nodes in a strongly connected component with a cycle; {@code component} gets each node's component. */
    private boolean[] cycles() {
        GraphWalks.Components c = GraphWalks.components(g().out(), g().in());
        component = c.component();
        return c.cyclic();
    }

    /** Node ids in reverse post-order from ENTRY (unreachable nodes last, by id). */
    public int[] reversePostOrder() {
        return GraphWalks.reversePostOrder(g().out());
    }
}
