package io.lockcheck.rules;

import io.lockcheck.cfg.AccessKind;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleContext;
import io.lockcheck.rule.RuleInfo;

import java.util.List;

/** LC001: a plain read of a guarded field where its guard is not held. */
public final class UnlockedRead implements Rule {
    static final RuleInfo INFO = new RuleInfo("LC001", "UnlockedRead", Level.WARNING,
            "Guarded field read without its lock",
            "A field whose guard is known (annotation, lock spec or inference from the code) is read with a plain "
                    + "load on a path where that lock is not held; another CPU may be changing it.",
            RuleHelp.load("LC001"), "high", List.of("concurrency", "locking", "data-race"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx) {
        // deliberately lockless reads are LC003's: one access, one finding
        var lockless = ctx.lockless();
        UnlockedAccess.check(ctx, new UnlockedAccess.Kind(a -> a.kind() == AccessKind.READ, "read"),
                a -> lockless.reason(a) != null);
    }
}
