package io.lockcheck.cli;

import io.lockcheck.rule.Level;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleContext;
import io.lockcheck.rule.RuleInfo;

import java.util.List;

/** A rule with metadata only: the CLI lists and selects rules but never runs them itself. */
record FakeRule(RuleInfo info) implements Rule {
    static final List<Rule> TWO = List.of(
            new FakeRule("LC001", "UnlockedRead", Level.WARNING, "plain read of a guarded field without its lock"),
            new FakeRule("LC008", "LockImbalance", Level.ERROR, "double acquire or release of a lock not held"));

    FakeRule(String id, String name, Level level, String description) {
        this(new RuleInfo(id, name, level, description, description, "", "high", List.of()));
    }

    @Override
    public void check(RuleContext ctx) {
    }
}
