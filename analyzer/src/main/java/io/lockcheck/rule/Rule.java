package io.lockcheck.rule;

/**
 * One check. A rule is a thin query over the engine: it is called once per analysed function
 * with that function's lock flow and the run's summaries, and reports through the context.
 */
public interface Rule {
    RuleInfo info();

    void check(RuleContext ctx);
}
