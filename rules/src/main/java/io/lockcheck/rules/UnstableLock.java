package io.lockcheck.rules;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.cfg.Node;
import io.lockcheck.cfg.Span;
import io.lockcheck.guard.LocklessFields;
import io.lockcheck.guard.UnstableLocks;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleContext;
import io.lockcheck.rule.RuleInfo;

import java.util.List;

/**
 * LC007: a lock reached through a pointer that this lock guards, loaded without it and not
 * re-validated after locking: the drm_gem_lru_remove() race of the May 2026 fixes.
 */
public final class UnstableLock implements Rule {
    static final RuleInfo INFO = new RuleInfo("LC007", "UnstableLock", Level.ERROR,
            "Lock taken through a pointer loaded without that lock and not re-checked",
            "The lock is found through a pointer (obj->lru) that the lock itself protects. The pointer was loaded "
                    + "without the lock and is not loaded again once the lock is held, so the lock taken may belong to "
                    + "an LRU the object has left, or to one that no longer exists.",
            RuleHelp.load("LC007"), "high", List.of("concurrency", "locking", "use-after-free"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx) {
        FunctionUnit fn = ctx.function();
        for (UnstableLocks.Unstable u : UnstableLocks.of(fn, ctx.flow(), ctx.guards(), ctx.run().entryLocks(fn))) {
            var d = ctx.report(u.at(), "'" + u.lockText() + "' is taken through '" + u.pointer()
                            + "', which was loaded without that lock and is not re-checked once it is held")
                    .related(u.load(), "'" + u.pointer() + "' loaded here without the lock");
            Witness wit = u.fieldKey() == null ? null : witness(ctx, fn, ctx.run().lockless().writers(u.fieldKey()));
            String a = fn.name() + "()";
            if (wit == null) {
                d.step(a, u.load(), "loads '" + u.pointer() + "' without the lock");
                d.step(a, u.at(), "takes the lock found through it");
                continue;
            }
            // Race witness: thread A loads the pointer; thread B changes it under the lock it
            // guards and lets go; thread A then locks what the stale pointer leads to.
            LocklessFields.Writer w = wit.writer();
            FunctionUnit bFn = wit.thread();
            String b = bFn.name() + "()";
            d.step(a, ctx.location(u.load()), "loads '" + u.pointer() + "' without '" + u.lockText() + "'", 1);
            int n = 2;
            if (bFn != w.function()) {
                Span call = callSite(bFn, w.function().name());
                if (call != null) d.step(b, ctx.location(call, bFn), "calls " + w.function().name() + "()", n++);
            }
            d.step(b, ctx.location(w.at(), w.function()), "stores '" + w.text() + "' holding " + w.lock(), n++);
            Span drop = release(bFn);
            if (drop != null) d.step(b, ctx.location(drop, bFn), "drops the lock", n++);
            d.step(a, ctx.location(u.at()), "takes the lock through the stale '" + u.pointer() + "'", n);
        }
    }

    private record Witness(LocklessFields.Writer writer, FunctionUnit thread) {
    }

    /**
     * The other thread: a caller of a writer that drops the lock in a loop (as
     * drm_gem_lru_scan() does), else any caller, else the writer itself; never thread A's
     * own function.
     */
    private static Witness witness(RuleContext ctx, FunctionUnit a, java.util.Collection<LocklessFields.Writer> writers) {
        Witness best = null;
        int bestScore = -1;
        for (LocklessFields.Writer w : writers) {
            for (FunctionUnit c : ctx.run().callers(w.function())) {
                if (c == a) continue;
                // prefer the code that lives with thread A, then a caller that drops the lock in a loop
                int score = (c.file().equals(a.file()) ? 2 : 0) + (releasesInLoop(c) ? 1 : 0);
                if (score > bestScore) {
                    best = new Witness(w, c);
                    bestScore = score;
                }
            }
            if (best == null && w.function() != a) best = new Witness(w, w.function());
        }
        return best;
    }

    private static boolean releasesInLoop(FunctionUnit f) {
        for (Node n : f.cfg().nodes()) {
            if (f.cfg().inCycle(n.id()) && n.events().stream().anyMatch(e -> e instanceof Event.Release)) return true;
        }
        return false;
    }

    private static Span release(FunctionUnit f) {
        for (Node n : f.cfg().nodes()) {
            for (Event e : n.events()) if (e instanceof Event.Release r && f.cfg().inCycle(n.id())) return r.span();
        }
        for (Node n : f.cfg().nodes()) {
            for (Event e : n.events()) if (e instanceof Event.Release r) return r.span();
        }
        return null;
    }

    private static Span callSite(FunctionUnit f, String callee) {
        for (Node n : f.cfg().nodes()) {
            for (Event e : n.events()) if (e instanceof Event.Call c && callee.equals(c.callee())) return c.span();
        }
        return null;
    }
}
