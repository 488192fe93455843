package io.lockcheck.flow;

import io.lockcheck.lock.LockPath;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One path class of the path-sensitive lock analysis: the locks it knows about (absent:
 * as on entry) and the facts it knows about local values ({@code ret} is nonzero). Immutable.
 */
public final class LockState {
    static final LockState ENTRY = new LockState(new TreeMap<>(), new TreeMap<>());

    private final TreeMap<LockPath, LockFact> locks;
    private final TreeMap<String, Boolean> facts;

    LockState(TreeMap<LockPath, LockFact> locks, TreeMap<String, Boolean> facts) {
        this.locks = locks;
        this.facts = facts;
    }

    public Map<LockPath, LockFact> locks() {
        return Collections.unmodifiableMap(locks);
    }

    public LockFact lock(LockPath p) {
        return locks.get(p);
    }

    /** Held state of {@code p}; absent locks are NO unless they belong to the caller. */
    public Held held(LockPath p) {
        LockFact f = locks.get(p);
        return f == null ? null : f.held();
    }

    public Boolean fact(String var) {
        return facts.get(var);
    }

    java.util.Set<String> factKeys() {
        return facts.keySet();
    }

    Map<String, Boolean> facts() {
        return facts;
    }

    LockState withLock(LockPath p, LockFact f) {
        TreeMap<LockPath, LockFact> l = new TreeMap<>(locks);
        if (f == null) l.remove(p); else l.put(p, f);
        return new LockState(l, facts);
    }

    LockState withFact(String var, Boolean v) {
        TreeMap<String, Boolean> f = new TreeMap<>(facts);
        if (v == null) f.remove(var); else f.put(var, v);
        return new LockState(locks, f);
    }

    LockState withFacts(TreeMap<String, Boolean> f) {
        return new LockState(locks, f);
    }

    LockState withLocks(TreeMap<LockPath, LockFact> l) {
        return new LockState(l, facts);
    }

    TreeMap<LockPath, LockFact> lockMap() {
        return locks;
    }

    /** Same held values for the same locks (sites and texts may differ). */
    boolean sameLocks(LockState o) {
        if (!locks.keySet().equals(o.locks.keySet())) return false;
        for (var e : locks.entrySet()) {
            LockFact x = o.locks.get(e.getKey());
            if (x.held() != e.getValue().held() || x.fromEntry() != e.getValue().fromEntry()
                    || x.ctx() != e.getValue().ctx()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LockState s && s.locks.equals(locks) && s.facts.equals(facts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(locks, facts);
    }

    /** Cached: immutable, and the sort key of every join. */
    private String text;

    @Override
    public String toString() {
        if (text == null) text = render();
        return text;
    }

    private String render() {
        StringBuilder b = new StringBuilder("{");
        locks.forEach((k, v) -> b.append(k).append('=').append(v.held()).append(v.fromEntry() ? "*" : "").append(' '));
        facts.forEach((k, v) -> b.append(k).append(v ? "!=0 " : "==0 "));
        return b.toString().strip() + "}";
    }
}
