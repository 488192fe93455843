package io.lockcheck.flow;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.cfg.Span;
import io.lockcheck.lock.LockPath;

import java.util.ArrayList;
import java.util.List;

/**
 * A lock requirement a function hands on to its callers: {@code owner} calls {@code callee}
 * at {@code call}, the callee requires {@code from}, and the owner does not hold that lock on
 * every path there, so {@code effect} (the same lock in the owner's parameters) becomes part of
 * the owner's contract. {@code callee} is null for a function known only from a lock spec.
 * {@code kinds}: the lock's kinds as seen here and below (where a local may have a declared
 * type the callers lack). {@code fuzzy}: the lock is reached through a local here or below
 * ({@code a6xx_gpu = to_a6xx_gpu(gpu)}), so callers can match it only by kind or name.
 */
public record PassedOn(FunctionUnit owner, Contract.Effect effect, String calleeName, FunctionUnit callee,
                       Contract.Effect from, Span call, java.util.Set<String> kinds, boolean fuzzy) {
    /** Beyond this many, a function's further handed-on requirements are dropped (no finding rests on them). */
    private static final int LIMIT = 16;

    /**
     * The requirements {@code f} hands on: for each call whose callee requires a lock that
     * {@code f} does not hold on every path, one REQUIRES effect (in entry terms where it can be).
     * Effects {@code f} already has win.
     */
    static List<PassedOn> of(FunctionUnit f, LockFlow.Result flow, LockFlow.Callees callees, Contract body,
                             LockMatch match, Summaries below) {
        List<PassedOn> out = new ArrayList<>();
        flow.replay((node, e, st) -> {
            if (!(e instanceof Event.Call c) || out.size() >= LIMIT) return;
            Contract k = callees.contract(c);
            if (k == null) return;
            for (Contract.Effect r : k.effects()) {
                if (r.kind() != Contract.Kind.REQUIRES) continue;
                LockPath p = k.atCall(r.lock(), c);
                java.util.Set<String> kinds = below.kinds(r);
                if (p == null || match.heldIn(f, p, kinds, st) == Held.YES) continue;
                LockPath mine = f.atEntry(p);
                if (owned(body.effects(), mine)) continue;
                if (below.opaquelyLocked(f, p)) continue;
                java.util.Set<String> all = new java.util.TreeSet<>(kinds);
                all.addAll(match.kinds(f, p));
                boolean fuzzy = below.fuzzy(r) || !Exits.exportable(f, mine);
                // one effect per lock; every requirement it stands for stays linked to it
                Contract.Effect eff = null;
                for (PassedOn o : out) if (o.effect().lock().equals(mine)) eff = o.effect();
                if (eff == null) {
                    eff = new Contract.Effect(Contract.Kind.REQUIRES, mine, mine.toString(), c.span(),
                            "call to " + c.callee() + "() at line " + c.span().line(), false);
                }
                out.add(new PassedOn(f, eff, c.callee(), below.resolve(f, c.callee()), r, c.span(),
                        below.kindSets.of(all), fuzzy));
            }
        });
        return out;
    }

    private static boolean owned(List<Contract.Effect> effects, LockPath lock) {
        for (Contract.Effect e : effects) if (e.kind() == Contract.Kind.REQUIRES && e.lock().equals(lock)) return true;
        return false;
    }
}
