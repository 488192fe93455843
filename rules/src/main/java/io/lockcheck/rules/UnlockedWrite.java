package io.lockcheck.rules;

import io.lockcheck.rule.Level;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleContext;
import io.lockcheck.rule.RuleInfo;

import java.util.List;

/** LC002: a store to a guarded field where its guard is not held. */
public final class UnlockedWrite implements Rule {
    static final RuleInfo INFO = new RuleInfo("LC002", "UnlockedWrite", Level.ERROR,
            "Guarded field written without its lock",
            "A field whose guard is known (annotation, lock spec or inference from the code) is written on a path "
                    + "where that lock is not held; concurrent readers and writers under the lock can see torn or lost "
                    + "updates.",
            RuleHelp.load("LC002"), "high", List.of("concurrency", "locking", "data-race"));

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(RuleContext ctx) {
        UnlockedAccess.check(ctx, new UnlockedAccess.Kind(a -> a.kind().writes(), "written"), a -> false);
    }
}
