package io.lockcheck.cli;

import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleSet;

import java.util.List;
import java.util.function.Supplier;

/**
 * What a run of the CLI depends on from outside its arguments: the installed rules (loaded
 * lazily, so {@code --version} does not scan the class path), the engine, and whether
 * {@code LOCKCHECK_DEBUG=1} asked for stack traces.
 */
record CliContext(Supplier<List<Rule>> rules, Engine engine, boolean debug) {

    static CliContext fromEnvironment() {
        return new CliContext(RuleSet::loadAll, Engine.analyzer(), "1".equals(System.getenv("LOCKCHECK_DEBUG")));
    }
}
