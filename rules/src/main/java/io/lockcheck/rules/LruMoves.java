package io.lockcheck.rules;

import io.lockcheck.cfg.Event;
import io.lockcheck.guard.Bindings;
import io.lockcheck.guard.LockFamilies;
import io.lockcheck.rule.RuleContext;

import java.util.List;

/**
 * LC006's call check: an object moved into a container whose lock is not the lock of the
 * other containers it can come from (the LRU case: drm_gem_lru_move_tail_locked() unlinks the
 * object from its old LRU under the new LRU's lock only).
 */
final class LruMoves {
    private LruMoves() {
    }

    static void check(RuleContext ctx, Event.Call c) {
        LockFamilies families = ctx.run().families();
        LockFamilies.Move m = families.at(ctx.function(), c.span());
        if (m == null) return;
        List<LockFamilies.Move> others = families.conflicting(m);
        if (others.isEmpty()) return;
        LockFamilies.Move o = others.get(0);
        Bindings b = ctx.guards().bindings();
        var d = ctx.report(c.span(), c.callee() + "() moves an object onto '" + m.dest().parent() + "', whose lock is '"
                        + m.lock() + "', but it may come from '" + o.target().replaceAll("\\.[^.]+$", "")
                        + "', whose lock is '" + o.lock() + "': the old container changes under the wrong lock")
                .property("lock", m.lock())
                .property("otherLock", o.lock());
        Bindings.Site mine = b.site(m.target());
        Bindings.Site theirs = b.site(o.target());
        if (mine != null) {
            d.related(ctx.location(mine.span(), mine.function()),
                    mine.callee() + "() binds '" + m.target() + "' to '" + m.lock() + "'");
        }
        if (theirs != null) {
            d.related(ctx.location(theirs.span(), theirs.function()),
                    theirs.callee() + "() binds '" + o.target() + "' to '" + o.lock() + "'");
        }
        d.related(ctx.location(o.call(), o.function()), o.callee() + "() moves objects onto '" + o.dest().parent() + "'");
    }
}
