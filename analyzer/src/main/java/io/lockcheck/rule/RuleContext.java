package io.lockcheck.rule;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.cfg.Span;
import io.lockcheck.flow.Contract;
import io.lockcheck.flow.LockFlow;
import io.lockcheck.flow.Summaries;
import io.lockcheck.guard.GuardQuery;
import io.lockcheck.guard.LocklessReads;
import io.lockcheck.guard.RunFacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a rule sees of one function: its lowered form, its solved lock flow, the run's
 * summaries, and a way to report. Findings are drafts until the analyzer collects them.
 */
public final class RuleContext {
    private final Rule rule;
    private final FunctionUnit function;
    private final LockFlow.Result flow;
    private final Summaries summaries;
    private final RunFacts run;
    private final List<Draft> drafts = new ArrayList<>();

    private final Map<String, Object> shared;

    /** {@code shared}: per-function results that several rules query, computed once. */
    public RuleContext(Rule rule, FunctionUnit function, LockFlow.Result flow, RunFacts run, Map<String, Object> shared) {
        this.shared = shared;
        this.rule = rule;
        this.function = function;
        this.flow = flow;
        this.run = run;
        this.summaries = run.summaries();
    }

    public RunFacts run() {
        return run;
    }

    /** Which unlocked plain reads in this function are deliberately lockless (LC003) and why. */
    public LocklessReads lockless() {
        return (LocklessReads) shared.computeIfAbsent("lockless",
                k -> new LocklessReads(function, flow, run.guards(), run.entryLocks(function), run.lockless()));
    }

    /** Guard knowledge: what an access needs and whether a state provides it. */
    public GuardQuery guards() {
        return run.guards();
    }

    public FunctionUnit function() {
        return function;
    }

    public LockFlow.Result flow() {
        return flow;
    }

    public Summaries summaries() {
        return summaries;
    }

    /** The definition a call reaches in this run, or null. */
    public FunctionUnit callee(Event.Call call) {
        return summaries.resolve(function, call.callee());
    }

    /** The lock contract of a call's callee, or null when the callee is not in the run. */
    public Contract contract(Event.Call call) {
        return summaries.contractOf(function, call.callee());
    }

    public Location location(Span s) {
        return location(s, function);
    }

    /** A span in another function of the run (for race witnesses and call chains). */
    public Location location(Span s, FunctionUnit in) {
        return new Location(in.file(), s.line(), s.column(), s.endLine(), s.endColumn());
    }

    /** Starts a finding of this context's rule at {@code at}. */
    public Draft report(Span at, String message) {
        Draft d = new Draft(location(at), message);
        drafts.add(d);
        return d;
    }

    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Draft d : drafts) {
            out.add(new Finding(rule.info().id(), rule.info().defaultLevel(), d.at, d.message, function.name(), d.related,
                    d.traces(), d.properties, d.fix, null));
        }
        return out;
    }

    /** A finding being built: related locations, flow steps, evidence, a fix. */
    public final class Draft {
        private final Location at;
        private final String message;
        private final List<Step> related = new ArrayList<>();
        private final Map<String, List<Step>> threads = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Fix fix;

        private Draft(Location at, String message) {
            this.at = at;
            this.message = message;
        }

        public Draft related(Span s, String msg) {
            if (s != null) related.add(new Step(location(s), msg));
            return this;
        }

        /** A related location in another function's file. */
        public Draft related(Location l, String msg) {
            if (l != null) related.add(new Step(l, msg));
            return this;
        }

        /** Adds a step to the named thread's trace (one thread: a code flow; two: a race witness). */
        public Draft step(String thread, Location l, String msg) {
            threads.computeIfAbsent(thread, k -> new ArrayList<>()).add(new Step(l, msg));
            return this;
        }

        /** A step of a race witness, at position {@code order} of the interleaving across threads. */
        public Draft step(String thread, Location l, String msg, int order) {
            threads.computeIfAbsent(thread, k -> new ArrayList<>()).add(new Step(l, msg, order));
            return this;
        }

        public Draft step(String thread, Span s, String msg) {
            return s == null ? this : step(thread, location(s), msg);
        }

        public Draft property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public Draft fix(Fix f) {
            fix = f;
            return this;
        }

        private List<ThreadTrace> traces() {
            List<ThreadTrace> out = new ArrayList<>();
            threads.forEach((k, v) -> out.add(new ThreadTrace(k, v)));
            return out;
        }
    }
}
