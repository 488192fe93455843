package io.lockcheck.guard;

import java.util.Map;
import java.util.TreeMap;

/**
 * Fields the run accesses locklessly on purpose: {@code marked} ones (READ_ONCE, WRITE_ONCE,
 * data_race, RCU and acquire/release accessors somewhere) and {@code readers}, fields with a
 * deliberately lockless reader (marked, or a plain load whose value finds a lock or that is
 * polled in a loop). Values are evidence for messages: "READ_ONCE() in drm_gem_lru_remove()".
 */
public final class LocklessFields {
    private final Map<String, String> marked;
    private final Map<String, String> readers;
    private final Map<String, java.util.TreeMap<String, Writer>> writers;
    private final java.util.Set<String> markedReaders;

    public LocklessFields() {
        this(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new java.util.TreeSet<>());
    }

    private LocklessFields(Map<String, String> marked, Map<String, String> readers,
                           Map<String, java.util.TreeMap<String, Writer>> writers, java.util.Set<String> markedReaders) {
        this.marked = marked;
        this.readers = readers;
        this.writers = writers;
        this.markedReaders = markedReaders;
    }

    /** Nothing lockless: shared by the many functions with no such access, and read-only. */
    public static final LocklessFields NONE = new LocklessFields(Map.of(), Map.of(), Map.of(), java.util.Set.of());

    public boolean isEmpty() {
        return marked.isEmpty() && readers.isEmpty() && writers.isEmpty() && markedReaders.isEmpty();
    }

    /** A plain store to a field with a lock held: the other thread of a race witness. */
    public record Writer(io.lockcheck.cfg.FunctionUnit function, io.lockcheck.cfg.Span at, String text, String lock) {
        String order() {
            return function.file() + ":" + String.format(java.util.Locale.ROOT, "%08d", at.line()) + ":" + function.name();
        }
    }

    public void writer(String key, Writer w) {
        writers.computeIfAbsent(key, k -> new java.util.TreeMap<>()).putIfAbsent(w.order(), w);
    }

    /** The stores to {@code key} made with a lock held, by file and line. */
    public java.util.Collection<Writer> writers(String key) {
        var w = writers.get(key);
        return w == null ? java.util.List.of() : w.values();
    }

    public void marked(String key, String evidence) {
        marked.merge(key, evidence, LocklessFields::first);
    }

    public void reader(String key, String evidence) {
        readers.merge(key, evidence, LocklessFields::first);
    }

    /** True when the field has a marked reader (READ_ONCE, data_race, rcu_dereference, acquire loads). */
    public boolean markedReader(String key) {
        return markedReaders.contains(key);
    }

    public void markedReader(String key, String evidence) {
        markedReaders.add(key);
        reader(key, evidence);
    }

    /** Keep the smallest evidence so merging in any order gives the same text. */
    private static String first(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public void addAll(LocklessFields o) {
        o.marked.forEach(this::marked);
        o.readers.forEach(this::reader);
        o.writers.forEach((k, ws) -> ws.values().forEach(w -> writer(k, w)));
        markedReaders.addAll(o.markedReaders);
    }

    public String marked(String key) {
        return marked.get(key);
    }

    public String reader(String key) {
        return readers.get(key);
    }
}
