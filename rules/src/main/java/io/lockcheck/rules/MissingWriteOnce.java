package io.lockcheck.rules;

import io.lockcheck.cfg.Event;
import io.lockcheck.guard.FunctionFacts;
import io.lockcheck.guard.GuardQuery;
import io.lockcheck.rule.Fix;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleContext;
import io.lockcheck.rule.RuleInfo;

import java.util.List;

/** LC004: a plain store to a field that other code reads locklessly. */
public final class MissingWriteOnce implements Rule {
    static final RuleInfo INFO = new RuleInfo("LC004", "MissingWriteOnce", Level.NOTE,
            "Store to a locklessly read field is a plain store; use WRITE_ONCE()",
            "A field that some code reads without the lock (with READ_ONCE(), or in a way LC003 recognises as "
                    + "deliberate) is written with a plain store, even under the lock: the lockless reader may see a "
                    + "torn or invented value.",
            RuleHelp.load("LC004"), "medium", List.of("concurrency", "memory-model", "data-race"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx) {
        // not shared yet (or any more): no reader can race; *_locked helpers store under the lock, still plain
        if (GuardQuery.unshared(ctx.function())) return;
        ctx.flow().replay((node, e, st) -> {
            if (!(e instanceof Event.Access a) || !a.kind().writes() || ctx.guards().marked(ctx.function(), a)) return;
            String key = FunctionFacts.key(ctx.function(), a.path(), ctx.guards().types());
            String reader = key == null ? null : ctx.run().lockless().reader(key);
            if (reader == null) return;
            // an unmarked lockless reader is deliberate only on a field with a known guard
            if (!ctx.run().lockless().markedReader(key) && !guarded(ctx, key)) return;
            var d = ctx.report(a.span(), "'" + a.text() + "' is " + reader + "; this plain store should be WRITE_ONCE()")
                    .property("reader", reader);
            if (a.store() != null) {
                d.fix(new Fix("mark the store", ctx.location(a.store().span()),
                        "WRITE_ONCE(" + a.text() + ", " + a.store().value() + ")"));
            }
        });
    }

    private static boolean guarded(RuleContext ctx, String key) {
        int dot = key.indexOf('.');
        return ctx.guards().guards().lookup(key.substring(0, dot), key.substring(dot + 1), ctx.function().file()) != null;
    }
}
