package io.lockcheck.rules;

import io.lockcheck.cfg.Event;
import io.lockcheck.flow.FlowState;
import io.lockcheck.flow.LockFact;
import io.lockcheck.guard.Guard;
import io.lockcheck.guard.GuardQuery;
import io.lockcheck.guard.Requirement;
import io.lockcheck.rule.RuleContext;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The check LC001 and LC002 share: a plain access of a guarded field on a path where its
 * guard is not held. One finding per access and field; the message names field and lock,
 * and inferred guards carry their evidence.
 */
final class UnlockedAccess {
    private UnlockedAccess() {
    }

    /** Which accesses a rule owns, and what it calls them. */
    record Kind(Predicate<Event.Access> owns, String verb) {
    }

    static void check(RuleContext ctx, Kind kind, Predicate<Event.Access> deferred) {
        if (GuardQuery.exempt(ctx.function())) return;
        GuardQuery q = ctx.guards();
        Set<String> seen = new HashSet<>();
        ctx.flow().replay((node, e, st) -> {
            if (!(e instanceof Event.Access a) || q.marked(ctx.function(), a) || !kind.owns().test(a) || deferred.test(a)) return;
            for (Requirement r : q.requirements(ctx.function(), a.path())) {
                GuardQuery.Status s = q.status(ctx.function(), r, st, ctx.run().entryLocks(ctx.function()));
                if (s == GuardQuery.Status.HELD || s == GuardQuery.Status.OTHER_INSTANCE) continue;
                if (!seen.add(a.span() + r.field().toString())) continue;
                report(ctx, kind, a, r, s, st);
            }
        });
    }

    private static void report(RuleContext ctx, Kind kind, Event.Access a, Requirement r, GuardQuery.Status s,
                               FlowState st) {
        Guard g = r.guard();
        String lock = r.lockText();
        String how = s == GuardQuery.Status.MAYBE ? " may be " + kind.verb() + " without '" : " is " + kind.verb() + " without '";
        String field = r.field().equals(a.path()) ? a.text() : r.field().toString(); // as written, not canonical
        String msg = "'" + field + "'" + how + lock + "' held";
        if (g.source() == Guard.Source.INFERENCE) msg += " (" + g.evidence() + ")";
        var d = ctx.report(a.span(), msg)
                .property("guard", g.key() + " guarded by " + g.lockText())
                .property("guardSource", g.source().name().toLowerCase(java.util.Locale.ROOT));
        if (g.source() == Guard.Source.INFERENCE) d.property("evidence", g.evidence());
        LockFact f = r.lock() == null ? null : st.fact(r.lock());
        String thread = ctx.function().name() + "()";
        if (f != null && f.site() != null) {
            d.step(thread, f.site(), "'" + lock + "' " + (s == GuardQuery.Status.MAYBE ? "last changed" : "released") + " here");
        } else {
            d.step(thread, ctx.function().span(), "'" + lock + "' is not taken in " + ctx.function().name() + "()");
        }
        d.step(thread, a.span(), "'" + field + "' " + kind.verb() + " here");
    }
}
