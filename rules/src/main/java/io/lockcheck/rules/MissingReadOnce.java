package io.lockcheck.rules;

import io.lockcheck.cfg.AccessKind;
import io.lockcheck.cfg.Event;
import io.lockcheck.guard.LocklessReads;
import io.lockcheck.rule.Fix;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleContext;
import io.lockcheck.rule.RuleInfo;

import java.util.List;

/** LC003: a deliberately lockless read of a guarded field that is a plain load. */
public final class MissingReadOnce implements Rule {
    static final RuleInfo INFO = new RuleInfo("LC003", "MissingReadOnce", Level.WARNING,
            "Deliberately lockless read is a plain load; use READ_ONCE()",
            "A guarded field is read without its lock on purpose (its value finds the lock, it is re-checked under "
                    + "the lock, it is polled, it is marked elsewhere, or it is loaded twice), but with a plain load: "
                    + "the compiler may tear, fuse or repeat it.",
            RuleHelp.load("LC003"), "high", List.of("concurrency", "memory-model", "data-race"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx) {
        LocklessReads lockless = ctx.lockless();
        ctx.flow().replay((node, e, st) -> {
            if (!(e instanceof Event.Access a) || a.kind() != AccessKind.READ || ctx.guards().marked(ctx.function(), a)) return;
            String why = lockless.reason(a);
            if (why == null) return;
            String marked = "READ_ONCE(" + a.text() + ")";
            ctx.report(a.span(), "'" + a.text() + "' is read without its lock on purpose (" + why + "); use " + marked)
                    .fix(new Fix("mark the lockless load", ctx.location(a.span()), marked))
                    .property("reason", why);
        });
    }
}
