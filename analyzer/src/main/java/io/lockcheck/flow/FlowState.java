package io.lockcheck.flow;

import io.lockcheck.cfg.Span;
import io.lockcheck.lock.LockPath;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state at a program point: a small set of {@link LockState} path classes (ESP-style
 * property simulation). Paths with the same locks are merged; beyond {@link #LIMIT} classes
 * everything is merged into one, with MAYBE where they disagree. Empty means unreachable.
 */
public final class FlowState {
    static final int LIMIT = 8;
    public static final FlowState UNREACHABLE = new FlowState(List.of());

    private final List<LockState> paths;

    FlowState(List<LockState> paths) {
        this.paths = List.copyOf(paths);
    }

    static FlowState of(LockState s) {
        return new FlowState(List.of(s));
    }

    public List<LockState> paths() {
        return paths;
    }

    public boolean isUnreachable() {
        return paths.isEmpty();
    }

    /** Held on every path (YES), on none (NO), on some (MAYBE); null when no path knows the lock. */
    public Held held(LockPath lock) {
        boolean yes = false, no = false, known = false;
        for (LockState s : paths) {
            Held h = s.held(lock);
            if (h == null) {
                no = true;
                continue;
            }
            known = true;
            switch (h) {
                case YES -> yes = true;
                case NO -> no = true;
                case MAYBE -> {
                    yes = true;
                    no = true;
                }
                case UNKNOWN -> {
                    return Held.UNKNOWN;
                }
            }
        }
        if (!known) return null;
        return yes && no ? Held.MAYBE : yes ? Held.YES : Held.NO;
    }

    /** Locks and facts known over all paths: the cost of copying this state. */
    int size() {
        int n = 0;
        for (LockState s : paths) n += s.lockMap().size() + s.facts().size();
        return n;
    }

    /** Every lock any path knows about, sorted. */
    public Set<LockPath> locks() {
        Set<LockPath> all = new TreeSet<>();
        for (LockState s : paths) all.addAll(s.lockMap().keySet());
        return all;
    }

    /** The first recorded site for a lock on any path (acquire or release), for messages. */
    public LockFact fact(LockPath lock) {
        return paths.stream().map(s -> s.lock(lock)).filter(f -> f != null && f.site() != null)
                .min(Comparator.comparing((LockFact f) -> f.site().line()).thenComparing(f -> f.site().column()))
                .orElse(null);
    }

    static FlowState join(List<LockState> in) {
        List<LockState> merged = new ArrayList<>();
        for (LockState s : in) {
            boolean done = false;
            for (int i = 0; i < merged.size() && !done; i++) {
                if (merged.get(i).sameLocks(s)) {
                    merged.set(i, mergeSame(merged.get(i), s));
                    done = true;
                }
            }
            if (!done) merged.add(s);
        }
        if (merged.size() > LIMIT) merged = new ArrayList<>(List.of(collapse(merged)));
        merged.sort(Comparator.comparing(LockState::toString));
        return new FlowState(merged);
    }

    /** Two paths with the same locks: keep facts they agree on, the earliest sites. */
    private static LockState mergeSame(LockState a, LockState b) {
        if (a == b || a.facts().equals(b.facts()) && a.lockMap().equals(b.lockMap())) return a; // same value, no copy
        TreeMap<String, Boolean> facts = new TreeMap<>();
        a.facts().forEach((k, v) -> {
            if (v.equals(b.fact(k))) facts.put(k, v);
        });
        TreeMap<LockPath, LockFact> locks = new TreeMap<>();
        a.lockMap().forEach((k, v) -> locks.put(k, earlier(v, b.lock(k))));
        return new LockState(locks, facts);
    }

    private static LockFact earlier(LockFact a, LockFact b) {
        if (a.site() == null) return b;
        if (b.site() == null) return a;
        return Comparator.comparing((Span s) -> s.line()).thenComparing(Span::column).compare(a.site(), b.site()) <= 0 ? a : b;
    }

    static LockState collapse(List<LockState> all) {
        Set<LockPath> keys = new TreeSet<>();
        for (LockState s : all) keys.addAll(s.lockMap().keySet());
        TreeMap<LockPath, LockFact> locks = new TreeMap<>();
        for (LockPath k : keys) {
            LockFact first = null;
            boolean differ = false;
            boolean fromEntry = false;
            boolean untouched = false;
            for (LockState s : all) {
                LockFact f = s.lock(k);
                Held h = f == null ? null : f.held();
                if (f != null) fromEntry |= f.fromEntry();
                untouched |= f == null;
                if (first == null && f != null) first = f;
                if (first != null && f != null && f.held() != first.held()) differ = true;
                if (h == Held.UNKNOWN) {
                    differ = false;
                    first = f;
                    break;
                }
            }
            // a path that never took the lock agrees with one that released it, unless the
            // lock is the caller's: there, untouched means still held
            if (untouched && first != null && first.held() != Held.UNKNOWN && (first.held() != Held.NO || fromEntry)) {
                differ = true;
            }
            if (first == null) continue;
            Held h = differ ? Held.MAYBE : first.held();
            locks.put(k, new LockFact(h, first.site(), first.text(), fromEntry, first.ctx()));
        }
        return new LockState(locks, new TreeMap<>());
    }
}
