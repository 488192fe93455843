package io.lockcheck.rules;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.Span;
import io.lockcheck.flow.Contract;
import io.lockcheck.flow.Exits;
import io.lockcheck.flow.FlowState;
import io.lockcheck.flow.Held;
import io.lockcheck.flow.LockFact;
import io.lockcheck.lock.LockPath;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleContext;
import io.lockcheck.rule.RuleInfo;

import java.util.List;

/** LC008: double acquire, release of a lock not held, exits that disagree. */
public final class LockImbalance implements Rule {
    static final RuleInfo INFO = new RuleInfo("LC008", "LockImbalance", Level.ERROR,
            "Lock acquired twice, released while not held, or left held on some exits only",
            "A lock is taken while already held (self-deadlock for mutexes and spinlocks), released while not "
                    + "held, or the function's exits disagree about whether the lock is held, as when an error "
                    + "path returns without the unlock the other paths do.",
            RuleHelp.load("LC008"), "high", List.of("concurrency", "locking", "correctness"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx) {
        ctx.flow().replay((node, e, before) -> {
            if (e instanceof Event.Acquire a && !a.shared()) {
                acquire(ctx, a.lock(), a.text(), a.span(), before, null);
            } else if (e instanceof Event.Release r) {
                release(ctx, r.lock(), r.text(), r.span(), before, null);
            } else if (e instanceof Event.Call c) {
                Contract k = ctx.contract(c);
                if (k == null) return;
                for (Contract.Effect eff : k.effects()) {
                    LockPath p = k.atCall(eff.lock(), c);
                    if (p == null) continue;
                    if (eff.kind() == Contract.Kind.ACQUIRES) acquire(ctx, p, p.toString(), c.span(), before, c.callee());
                    if (eff.kind() == Contract.Kind.RELEASES) release(ctx, p, p.toString(), c.span(), before, c.callee());
                }
            }
        });
        ExitCheck.check(ctx);
    }

    /**
     * Locks picked from an array by a variable index ({@code objs[i]->resv}) are the
     * lock-everything loops of ww_mutex users; their balance depends on index arithmetic a
     * path analysis cannot follow, so LC008 leaves them alone.
     */
    static boolean dynamic(LockPath lock) {
        return lock.segments().stream().anyMatch(s -> s.startsWith("[") && !s.matches("\\[[0-9]+\\]"));
    }

    /** ww locks taken with an acquire context follow the context's protocol, not LC008's. */
    private static boolean ownedByContext(FlowState s, LockPath lock) {
        return s.paths().stream().anyMatch(p -> p.lock(lock) != null && p.lock(lock).ctx());
    }

    private static void acquire(RuleContext ctx, LockPath lock, String text, Span at, FlowState before, String via) {
        if (dynamic(lock) || ownedByContext(before, lock)) return;
        Held h = before.held(lock);
        if (h != Held.YES && h != Held.MAYBE) return;
        String what = via == null ? "'" + text + "' is acquired" : via + "() acquires '" + text + "'";
        String msg = h == Held.YES ? what + " while already held" : what + " while it may already be held";
        LockFact f = before.fact(lock);
        ctx.report(at, msg).related(f == null ? null : f.site(), "'" + text + "' acquired here");
    }

    private static void release(RuleContext ctx, LockPath lock, String text, Span at, FlowState before, String via) {
        if (dynamic(lock)) return;
        Held h = before.held(lock);
        if (h != Held.NO && h != Held.MAYBE) return;
        String what = via == null ? "'" + text + "' is released" : via + "() releases '" + text + "'";
        String msg = h == Held.NO ? what + " but it is not held" : what + " but it may not be held";
        LockFact f = before.fact(lock);
        ctx.report(at, msg).related(f == null ? null : f.site(), h == Held.NO ? "released here before" : "last changed here");
    }
}
