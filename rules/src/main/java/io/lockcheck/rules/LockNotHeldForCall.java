package io.lockcheck.rules;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.flow.Contract;
import io.lockcheck.flow.Held;
import io.lockcheck.flow.PassedOn;
import io.lockcheck.flow.Summaries;
import io.lockcheck.guard.CallerLocks;
import io.lockcheck.lock.LockPath;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleContext;
import io.lockcheck.rule.RuleInfo;

import java.util.List;

/**
 * LC005: a call of a function that requires a lock (asserted, annotated, spec-declared, or
 * handed on by its own callees) where the lock is not held. A function without the lock hands
 * the requirement on to its callers; the finding goes to the call where the chain breaks: the
 * lowest call on a chain of callers that never takes the lock while other chains do, or, when
 * no caller anywhere takes it, the call of the requiring function (if the caller has callers
 * in the run: one without is assumed to be called right from elsewhere).
 */
public final class LockNotHeldForCall implements Rule {
    static final RuleInfo INFO = new RuleInfo("LC005", "LockNotHeldForCall", Level.ERROR,
            "Function that requires a lock called without it",
            "The callee requires a lock to be held by its caller (lockdep_assert_held(), __must_hold(), a lock spec, "
                    + "or a callee of its own that does), and this call is reached without that lock on at least one path.",
            RuleHelp.load("LC005"), "high", List.of("concurrency", "locking"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx) {
        FunctionUnit fn = ctx.function();
        Summaries summaries = ctx.summaries();
        CallerLocks callers = ctx.run().callerLocks();
        ctx.flow().replay((node, e, st) -> {
            if (!(e instanceof Event.Call c)) return;
            Contract k = ctx.contract(c);
            if (k == null) return;
            java.util.Set<String> reported = new java.util.TreeSet<>(); // one finding per lock kind and call
            for (Contract.Effect r : k.effects()) {
                if (r.kind() != Contract.Kind.REQUIRES) continue;
                LockPath p = k.atCall(r.lock(), c);
                if (p == null || p.root().equals("NULL") || ctx.run().entryLocks(fn).contains(fn.atEntry(p))) continue;
                // a ww acquire context is "held" from ww_acquire_init(), which is not a lock call;
                // a lock named through a call (idm_mutex(idm), xe_vma_bo(vma)->...) has no identity
                if (p.lastField().endsWith("ctx") || p.toString().contains("(")) continue;
                // reached through a callee's local (to_i915(dev)): evidence for callers, never a finding
                if (summaries.fuzzy(r)) continue;
                if (io.lockcheck.flow.OpaqueLockers.find(fn, p, summaries) != null) continue;
                Held held = ctx.run().coverage().heldIn(fn, p, summaries.kinds(r), st);
                if (held == Held.YES) continue;
                // reached through this function's locals: its callers cannot hold it for it, and
                // whether it should (a lookup, a container_of) is not known well enough to judge
                if (!io.lockcheck.flow.Exits.exportable(fn, fn.atEntry(p))) continue;
                // handed on to this function's callers, some of which take it: they decide
                Contract.Effect handed = handedOn(summaries.contract(fn), fn.atEntry(p));
                if (handed == null || callers.heldAbove(handed)) continue;
                // the chain breaks here when other callers of the callee (at any depth) take the
                // lock, or, for the callee's own requirement, when no caller anywhere does
                boolean own = summaries.passedOn(r) == null;
                if (!callers.heldAbove(r) && !(own && !ctx.run().callers(fn).isEmpty())) continue;
                java.util.Set<String> kinds = new java.util.TreeSet<>(summaries.kinds(r));
                kinds.addAll(ctx.run().coverage().kinds(fn, p));
                if (kinds.stream().anyMatch(reported::contains)) continue;
                reported.addAll(kinds);
                report(ctx, c, r, p, held, kinds);
            }
        });
    }

    private static Contract.Effect handedOn(Contract own, LockPath lock) {
        if (own == null) return null;
        for (Contract.Effect e : own.effects()) {
            if (e.kind() == Contract.Kind.REQUIRES && e.lock().equals(lock)) return e;
        }
        return null;
    }

    private static void report(RuleContext ctx, Event.Call c, Contract.Effect r, LockPath p, Held held,
                               java.util.Set<String> kinds) {
        Summaries summaries = ctx.summaries();
        String lock = "'" + p + "'";
        String why = origin(summaries, r);
        // the lock a binding made it (drm_gem_lru_init(&priv->lru.willneed, &priv->lru.lock))
        java.util.Collection<String> bound = ctx.guards().bindings().all().values();
        String kind = kinds.stream().filter(bound::contains).findFirst().map(k -> " (bound to '" + k + "')").orElse("");
        var d = ctx.report(c.span(), "calls " + c.callee() + "() without holding " + lock + kind
                        + (held == Held.MAYBE ? " on every path" : "") + ", which " + why)
                .property("requiredLock", p.toString());
        String chain = "call chain";
        d.step(chain, c.span(), "calls " + c.callee() + "() without " + lock);
        Contract.Effect cur = r;
        for (int depth = 0; depth < 32; depth++) {
            PassedOn via = summaries.passedOn(cur);
            if (via == null) break;
            d.step(chain, ctx.location(via.call(), via.owner()), "calls " + via.calleeName() + "()");
            cur = via.from();
        }
        FunctionUnit owner = summaries.owner(cur);
        if (owner != null && cur.site() != null) {
            d.step(chain, ctx.location(cur.site(), owner), "requires '" + cur.text() + "' (" + cur.source() + ")");
        }
    }

    /** "it requires (lockdep assertion in f())", or the chain for a handed-on requirement. */
    private static String origin(Summaries summaries, Contract.Effect r) {
        StringBuilder via = new StringBuilder();
        Contract.Effect cur = r;
        for (int depth = 0; depth < 32; depth++) {
            PassedOn p = summaries.passedOn(cur);
            if (p == null) break;
            via.append(p.calleeName()).append("() ");
            cur = p.from();
        }
        String source = cur.source();
        return via.length() == 0 ? "it requires (" + source + ")"
                : "it requires through " + via.toString().strip().replace("() ", "() -> ") + " (" + source + ")";
    }
}
