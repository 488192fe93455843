package io.lockcheck.cfg;

import java.util.ArrayList;
import java.util.List;

/**
 * A CFG node: usually one statement's events. A COND node ends with a test of
 * {@code condVar} (a local or a synthetic result variable; null when the test is not a simple
 * value): its TRUE successor runs when that value is nonzero.
 */
public final class Node {
    public enum Kind { ENTRY, EXIT, STMT, COND }

    private final int id;
    private final Kind kind;
    /** Growable while the CFG is built, an immutable list of exactly its size once final. */
    private List<Event> events = new ArrayList<>();
    private final int line;
    private String label;
    private String condVar;

    Node(int id, Kind kind, int line, String label) {
        this.id = id;
        this.kind = kind;
        this.line = line;
        this.label = Texts.shared(label);
    }

    /** A node of a sealed CFG as it was before caching (see {@link Cfg#restore}). */
    public static Node restore(int id, Kind kind, int line, String label, String condVar, List<Event> events) {
        Node n = new Node(id, kind, line, label);
        n.condVar = Texts.shared(condVar);
        n.events.addAll(events);
        n.trim();
        return n;
    }

    public int id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    public List<Event> events() {
        return events;
    }

    public int line() {
        return line;
    }

    public String label() {
        return label;
    }

    public String condVar() {
        return condVar;
    }

    void setCondVar(String v) {
        condVar = Texts.shared(v);
    }

    void setLabel(String l) {
        label = Texts.shared(l);
    }

    void add(Event e) {
        if (!(events instanceof ArrayList)) events = new ArrayList<>(events);
        events.add(e);
    }

    /**
     * Keeps the events in the least room once the node is final (every CFG of a run stays in
     * memory): no list for none, no separate array for one or two.
     */
    void trim() {
        events = List.copyOf(events);
    }
}
