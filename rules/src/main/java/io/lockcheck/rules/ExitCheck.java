package io.lockcheck.rules;

import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.cfg.Span;
import io.lockcheck.flow.Exits;
import io.lockcheck.flow.Exits.Effect;
import io.lockcheck.lock.LockPath;
import io.lockcheck.rule.RuleContext;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LC008's exit part: the function's exits should agree on each lock. The majority of exits is
 * taken as the intent (ties favour leaving the lock as on entry); exits that differ are
 * reported on their return. "Acquired on success" functions and annotated contracts are honoured.
 */
final class ExitCheck {
    private ExitCheck() {
    }

    static void check(RuleContext ctx) {
        FunctionUnit fn = ctx.function();
        for (var e : Exits.of(ctx.flow()).entrySet()) {
            LockPath lock = e.getKey();
            if (LockImbalance.dynamic(lock)) continue;
            List<Exits.Path> paths = e.getValue();
            if (paths.stream().anyMatch(Exits.Path::ctx)) continue; // the ww context releases it
            // releasing the caller's lock on some paths only (if (ctx->lock) mutex_unlock(ctx->lock)) is a
            // contract the callers must agree with, not an imbalance inside this function
            if (paths.stream().allMatch(p -> p.effect() == Effect.RELEASED || p.effect() == Effect.UNCHANGED && !p.required())
                    && declared(fn, lock) == null) {
                continue;
            }
            Effect declared = declared(fn, lock);
            if (declared == null && Exits.conditional(paths) != null) continue;
            if (declared == null && fn.annotations().stream().anyMatch(a -> "cond_acquires".equals(a.kind()))) continue;
            // one vote per exit statement: its effect, or MAYBE when its paths disagree
            Map<Span, Exits.Path> byExit = new LinkedHashMap<>();
            for (Exits.Path p : paths) {
                byExit.merge(p.exit(), p, (a, b) -> a.effect() == b.effect() ? a
                        : new Exits.Path(a.exit(), Effect.MAYBE, a.value(), a.site() != null ? a.site() : b.site(),
                        a.text(), a.required(), a.ctx() || b.ctx()));
            }
            Effect expected = declared != null ? declared : majority(byExit);
            Exits.Path example = byExit.values().stream().filter(p -> p.effect() == expected).findFirst().orElse(null);
            for (Exits.Path p : byExit.values()) {
                if (p.effect() == expected) continue;
                String msg = message(p, expected, declared != null);
                var d = ctx.report(p.exit(), msg);
                d.related(p.site(), "'" + p.text() + "' " + (held(p) ? "acquired" : "released") + " here");
                if (example != null) d.related(example.exit(), "this exit " + describe(example));
            }
        }
    }

    private static Effect declared(FunctionUnit fn, LockPath lock) {
        for (FunctionUnit.Annotation a : fn.annotations()) {
            if (a.lock() == null || !a.lock().equals(lock)) continue;
            switch (a.kind()) {
                case "must_hold": return Effect.UNCHANGED;
                case "releases": return Effect.RELEASED;
                case "acquires": return Effect.ACQUIRED;
                default: return null;
            }
        }
        return null;
    }

    private static Effect majority(Map<Span, Exits.Path> byExit) {
        Map<Effect, Integer> votes = new EnumMap<>(Effect.class);
        for (Exits.Path p : byExit.values()) votes.merge(p.effect(), 1, Integer::sum);
        Effect best = Effect.UNCHANGED;
        int n = -1;
        // an exit whose paths disagree is never the intent
        for (Effect e : new Effect[] {Effect.UNCHANGED, Effect.RELEASED, Effect.ACQUIRED}) {
            int v = votes.getOrDefault(e, 0);
            if (v > n) {
                best = e;
                n = v;
            }
        }
        return best;
    }

    private static boolean held(Exits.Path p) {
        return p.effect() == Effect.ACQUIRED || p.effect() == Effect.UNCHANGED && p.required();
    }

    private static String describe(Exits.Path p) {
        if (p.effect() == Effect.MAYBE) return "may hold '" + p.text() + "'";
        return held(p) ? "returns with '" + p.text() + "' held" : "returns with '" + p.text() + "' released";
    }

    private static String message(Exits.Path p, Effect expected, boolean declared) {
        String lock = "'" + p.text() + "'";
        if (declared) {
            String state = p.effect() == Effect.MAYBE ? "may still be held" : held(p) ? "is still held" : "is not held";
            return lock + " " + state + " at this exit, against the function's lock annotation";
        }
        if (p.effect() == Effect.MAYBE) return lock + " may still be held at this exit";
        if (held(p)) return lock + " is still held at this exit but not at the others";
        return lock + " is not held at this exit but is at the others";
    }
}
