package io.lockcheck.guard;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.cfg.Span;
import io.lockcheck.flow.Contract;
import io.lockcheck.flow.Summaries;
import io.lockcheck.lock.LockPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Objects that move between bound containers: every call that requires a bound lock of its
 * argument ({@code drm_gem_lru_move_tail_locked(&priv->lru.willneed, obj)} requires
 * {@code lru->lock}, which drm_gem_lru_init() bound to {@code priv->lru.lock}). The calls of
 * one function into containers of one driver structure form a family: an object can be on any
 * of them, and moving it changes the old one too, so all must share one lock.
 */
public final class LockFamilies {
    /** One call: {@code target} (the bound lock pointer) names {@code lock}. */
    public record Move(FunctionUnit function, Span call, String callee, String target, String lock, LockPath dest) {
    }

    private final Map<String, List<Move>> families = new TreeMap<>();
    private final Map<String, Move> byCall = new HashMap<>();

    public LockFamilies(List<FunctionUnit> functions, Summaries summaries, TypeTable types, Bindings bindings) {
        for (FunctionUnit f : functions) {
            if (f.cfg().callees().stream().noneMatch(name -> requiresOwnLock(summaries.contractOf(f, name), summaries))) {
                continue; // no call can be a move (and a packed CFG stays packed)
            }
            for (Event e : f.cfg().outline()) {
                if (e instanceof Event.Call c) add(f, c, summaries, types, bindings);
            }
        }
        // input order must not matter: which member stands for a container is the first in the tree
        java.util.Comparator<Move> order = java.util.Comparator.comparing((Move m) -> m.function().file().toString())
                .thenComparing(m -> m.call().line()).thenComparing(m -> m.call().column());
        families.values().forEach(l -> l.sort(order));
    }

    /** A contract that requires a lock of its own (not one handed on from below): the calls {@link #add} looks at. */
    private static boolean requiresOwnLock(Contract k, Summaries summaries) {
        return k != null && k.effects().stream().anyMatch(r -> ownRequirement(r, summaries));
    }

    private static boolean ownRequirement(Contract.Effect r, Summaries summaries) {
        return r.kind() == Contract.Kind.REQUIRES && summaries.passedOn(r) == null;
    }

    private void add(FunctionUnit f, Event.Call c, Summaries summaries, TypeTable types, Bindings bindings) {
        Contract k = summaries.contractOf(f, c.callee());
        if (k == null) return;
        for (Contract.Effect r : k.effects()) {
            if (!ownRequirement(r, summaries)) continue;
            LockPath p = k.atCall(r.lock(), c);
            if (p == null) continue;
            for (String form : types.anchoredForms(f, p)) {
                if (!bindings.binds(form)) continue;
                Move m = new Move(f, c.span(), c.callee(), form, bindings.resolve(form), p);
                String family = c.callee() + " " + form.substring(0, form.indexOf('.'));
                families.computeIfAbsent(family, x -> new ArrayList<>()).add(m);
                byCall.putIfAbsent(key(f, c.span()), m);
                return;
            }
        }
    }

    private static String key(FunctionUnit f, Span s) {
        return f.key() + "@" + s;
    }

    /** The move made by the call at {@code call} in {@code f}, or null. */
    public Move at(FunctionUnit f, Span call) {
        return byCall.get(key(f, call));
    }

    /** Members of {@code m}'s family whose containers are bound to another lock: one per container. */
    public List<Move> conflicting(Move m) {
        String family = m.callee() + " " + m.target().substring(0, m.target().indexOf('.'));
        Map<String, Move> out = new TreeMap<>();
        for (Move o : families.getOrDefault(family, List.of())) {
            if (!o.lock().equals(m.lock())) out.putIfAbsent(o.target(), o);
        }
        return new ArrayList<>(out.values());
    }
}
