package io.lockcheck.rules;

import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleSet;

import java.util.List;

/** The rules that ship with lockcheck: one line per rule. */
public final class BuiltinRules implements RuleSet {
    @Override
    public List<Rule> rules() {
        return List.of(
                new UnlockedRead(),
                new UnlockedWrite(),
                new MissingReadOnce(),
                new MissingWriteOnce(),
                new LockNotHeldForCall(),
                new WrongLockInstance(),
                new UnstableLock(),
                new LockImbalance());
    }
}
