package io.lockcheck.rules;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.guard.GuardQuery;
import io.lockcheck.guard.Requirement;
import io.lockcheck.lock.LockPath;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleContext;
import io.lockcheck.rule.RuleInfo;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * LC006: the lock held is of the right kind but not the instance that guards the data: a
 * guarded field of one object touched under the same lock of another object, or an object
 * moved between LRUs whose bindings name different locks, under one of them.
 */
public final class WrongLockInstance implements Rule {
    static final RuleInfo INFO = new RuleInfo("LC006", "WrongLockInstance", Level.ERROR,
            "A lock of the right kind is held, but not the instance that guards the data",
            "The data is guarded by one lock, and a lock of the same kind that belongs to another object is held "
                    + "instead; or an object moves between two LRUs whose locks differ while only one of them is held.",
            RuleHelp.load("LC006"), "high", List.of("concurrency", "locking"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /**
     * A lock embedded in its object ({@code struct mutex lock}), not a pointer to one: two
     * objects then cannot share it. Pointer locks (a drm_gem_lru's {@code lock}) may point at
     * one mutex by design; their sharing is what bindings and the LRU check decide.
     */
    private static boolean embedded(RuleContext ctx, LockPath lock) {
        String type = lock == null ? null : ctx.guards().types().typeOf(ctx.function(), lock);
        return type != null && !type.contains("*");
    }

    @Override
    public void check(RuleContext ctx) {
        FunctionUnit fn = ctx.function();
        GuardQuery q = ctx.guards();
        Set<String> seen = new HashSet<>();
        boolean exempt = GuardQuery.exempt(fn);
        ctx.flow().replay((node, e, st) -> {
            if (e instanceof Event.Call c) {
                LruMoves.check(ctx, c);
                return;
            }
            if (exempt || !(e instanceof Event.Access a) || q.marked(fn, a)) return;
            for (Requirement r : q.requirements(fn, a.path())) {
                if (q.status(fn, r, st, ctx.run().entryLocks(fn)) != GuardQuery.Status.OTHER_INSTANCE) continue;
                LockPath wrong = q.heldInstead(fn, r, st);
                if (wrong == null || !embedded(ctx, r.lock()) || fn.atEntry(wrong).equals(fn.atEntry(r.lock()))) continue;
                if (!seen.add(a.span() + r.field().toString())) continue;
                String verb = a.kind().writes() ? "changed" : "read";
                ctx.report(a.span(), "'" + a.text() + "' is " + verb + " holding '" + wrong + "', but its guard is '"
                                + r.lockText() + "' (another '" + r.typed() + "')")
                        .related(st.fact(wrong) == null ? null : st.fact(wrong).site(), "'" + wrong + "' taken here")
                        .property("guard", r.guard().key() + " guarded by " + r.guard().lockText());
            }
        });
    }
}
