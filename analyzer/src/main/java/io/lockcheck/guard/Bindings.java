package io.lockcheck.guard;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.lock.LockPath;
import io.lockcheck.spec.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lock bindings seen in the run: {@code drm_gem_lru_init(&priv->lru.dontneed, &priv->lru.lock)}
 * makes the LRU's {@code lock} pointer be {@code priv->lru.lock}. Kept at type level
 * ({@code msm_drm_private.lru.dontneed.lock} is {@code msm_drm_private.lru.lock}) so a lock
 * held in one file satisfies a requirement raised in another.
 */
public final class Bindings {
    /** typed target -> typed value; a target bound to two different locks is dropped. */
    private final Map<String, String> map = new TreeMap<>();
    /** Where each binding was made: the first call that made it. */
    private final Map<String, Site> sites = new TreeMap<>();

    /** A binding call: {@code drm_gem_lru_init()} in {@code function} at {@code span}. */
    public record Site(FunctionUnit function, io.lockcheck.cfg.Span span, String callee) {
    }

    public Bindings(List<FunctionUnit> functions, Spec spec, TypeTable types) {
        Map<String, List<Spec.Binding>> byFunction = new TreeMap<>();
        for (Spec.Binding b : spec.bindings()) byFunction.computeIfAbsent(b.function(), k -> new ArrayList<>()).add(b);
        Map<String, String> conflicts = new TreeMap<>();
        for (FunctionUnit f : functions) {
            if (f.cfg().callees().stream().noneMatch(byFunction::containsKey)) continue; // (leaves a packed CFG packed)
            for (Event e : f.cfg().outline()) {
                if (!(e instanceof Event.Call c) || c.callee() == null || !byFunction.containsKey(c.callee())) continue;
                for (Spec.Binding b : byFunction.get(c.callee())) {
                    LockPath target = atCall(LockPath.parse(b.target()), b.function(), c, spec);
                    LockPath value = atCall(LockPath.parse(b.value()), b.function(), c, spec);
                    if (target == null || value == null) continue;
                    // anchored at the root object: binding priv->willneed.lock says nothing of other LRUs
                    String t = types.rootForm(f, target);
                    String v = types.rootForm(f, value);
                    if (t == null || v == null || t.equals(v)) continue;
                    String old = map.putIfAbsent(t, v);
                    if (old == null) sites.put(t, new Site(f, c.span(), c.callee()));
                    if (old != null && !old.equals(v)) conflicts.put(t, v);
                }
            }
        }
        conflicts.keySet().forEach(map::remove);
    }

    /** A binding path in the binding function's parameter names, at a call: parameters by position. */
    private static LockPath atCall(LockPath p, String function, Event.Call c, Spec spec) {
        if (p == null) return null;
        List<String> params = paramsOf(function, spec);
        int i = params.indexOf(p.root());
        if (i < 0 || i >= c.args().size() || c.args().get(i).path() == null) return null;
        return p.rebase(c.args().get(i).path(), c.args().get(i).address());
    }

    /** Binding functions name their parameters in order of first mention: target root, then value root. */
    private static List<String> paramsOf(String function, Spec spec) {
        List<String> out = new ArrayList<>();
        for (Spec.Binding b : spec.bindings()) {
            if (!b.function().equals(function)) continue;
            for (String s : new String[] {b.target(), b.value()}) {
                LockPath p = LockPath.parse(s);
                if (p != null && !out.contains(p.root())) out.add(p.root());
            }
        }
        return out;
    }

    /** The typed lock a typed lock is bound to, or the lock itself. */
    public String resolve(String typed) {
        return typed == null ? null : map.getOrDefault(typed, typed);
    }

    /** The kind of a lock in {@code fn}: its type-level form with bindings applied; null if unknown. */
    public String kindOf(TypeTable types, FunctionUnit fn, LockPath lock) {
        if (fn == null || lock == null) return null;
        String root = types.rootForm(fn, lock);
        if (binds(root)) return resolve(root);
        return resolve(types.typedForm(fn, lock));
    }

    /** Where {@code typed} was bound, or null. */
    public Site site(String typed) {
        return map.containsKey(typed) ? sites.get(typed) : null;
    }

    public boolean binds(String typed) {
        return typed != null && map.containsKey(typed);
    }

    public Map<String, String> all() {
        return map;
    }
}
