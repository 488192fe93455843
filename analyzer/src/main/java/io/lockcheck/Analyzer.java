package io.lockcheck;

import io.lockcheck.cache.IncrementalCache;
import io.lockcheck.cfg.CfgDump;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.flow.LockFlow;
import io.lockcheck.flow.Summaries;
import io.lockcheck.frontend.CParser;
import io.lockcheck.frontend.FileFacts;
import io.lockcheck.frontend.SourceSet;
import io.lockcheck.frontend.SourceText;
import io.lockcheck.frontend.Lowering;
import io.lockcheck.guard.Bindings;
import io.lockcheck.guard.FunctionFacts;
import io.lockcheck.guard.GuardQuery;
import io.lockcheck.guard.GuardTable;
import io.lockcheck.guard.LocklessFields;
import io.lockcheck.guard.RunFacts;
import io.lockcheck.guard.StructDef;
import io.lockcheck.guard.TypeTable;
import io.lockcheck.guard.WriteStats;
import io.lockcheck.lock.LockPath;
import io.lockcheck.spec.Spec;
import io.lockcheck.spec.SpecError;
import io.lockcheck.spec.SpecLoader;
import io.lockcheck.suppress.Suppressions;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleContext;
import io.lockcheck.rule.RuleInfo;
import io.lockcheck.rule.Stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the pipeline: expand paths, parse and lower each file in parallel (ASTs dropped
 * per file), compute contracts bottom-up, run every rule on every function in parallel, then
 * sort. The result does not depend on {@code jobs} or on the order paths were given in.
 */
public final class Analyzer {
    private final List<Rule> rules;
    private final AnalyzerOptions options;
    /** Knows every installed rule, also those --rules left out, by id and name. */
    private final Suppressions suppressions;

    public Analyzer(List<Rule> rules, AnalyzerOptions options) {
        this.rules = options.rules().isEmpty() ? List.copyOf(rules)
                : rules.stream().filter(r -> options.rules().contains(r.info().id())).toList();
        this.options = options;
        this.suppressions = new Suppressions(rules.stream().map(Rule::info).toList());
    }

    /** The built-in spec packs, always on. */
    public static final List<String> BUILTIN_SPECS = SpecLoader.builtinNames();

    /** Loads the built-in and user specs; a malformed user spec is a configuration error. */
    public Spec specs() throws SpecError {
        List<Spec> all = new ArrayList<>();
        for (Path p : options.specFiles()) all.add(SpecLoader.load(p));
        for (String b : BUILTIN_SPECS) all.add(SpecLoader.builtin(b));
        return Spec.merge(all);
    }

    /** Analyses every C file under {@code paths}; never throws for bad input (it becomes a notification). */
    public AnalysisResult analyze(List<Path> paths) {
        SourceSet.Expanded set = SourceSet.expand(paths, options.srcroot(), options.followSymlinks());
        IncrementalCache cache = IncrementalCache.open(options, code());
        String key = cache == null ? null : cache.runKey(set, jobs().map(set.files(), cache::digest), options,
                rules.stream().map(r -> r.info().id()).toList());
        AnalysisResult known = key == null ? null : cache.result(key);
        if (known != null) return known;
        List<Notification> notes = new ArrayList<>();
        Run run = run(set, notes, cache);
        PhaseClock clock = new PhaseClock();
        List<List<Finding>> perFunction = jobs().map(run.functions, fn -> check(fn, run.facts, notes));
        List<Finding> findings = new ArrayList<>();
        perFunction.forEach(findings::addAll);
        clock.lap("rules");
        findings = Fingerprints.assign(findings);
        Collections.sort(findings);
        Suppressions.Outcome suppressed = suppressions.apply(findings);
        List<Notification> sortedNotes;
        synchronized (notes) {
            sortedNotes = new ArrayList<>(notes);
        }
        sortedNotes.addAll(suppressed.notifications());
        Collections.sort(sortedNotes);
        List<RuleInfo> infos = rules.stream().map(Rule::info).toList();
        AnalysisResult result = new AnalysisResult(infos, suppressed.kept(), sortedNotes, run.stats,
                suppressed.suppressed());
        if (key != null) cache.keep(key, result);
        if (cache != null) cache.close();
        return result;
    }

    private Jobs jobs() {
        return new Jobs(options.jobs());
    }

    /** The classes whose code decides the findings: the analyzer's and the rules'. */
    private List<Class<?>> code() {
        List<Class<?>> code = new ArrayList<>(List.of(Analyzer.class));
        rules.forEach(r -> code.add(r.getClass()));
        return code;
    }

    /** The run-wide facts before rules: functions, contracts, guard knowledge. */
    public record Run(List<FunctionUnit> functions, RunFacts facts, Stats stats) {
    }

    /** Parses, lowers and computes every run-wide fact for {@code paths}; notifications go to {@code notes}. */
    public Run run(List<Path> paths, List<Notification> notes) {
        IncrementalCache cache = IncrementalCache.open(options, code());
        try {
            return run(SourceSet.expand(paths, options.srcroot(), options.followSymlinks()), notes, cache);
        } finally {
            if (cache != null) cache.close();
        }
    }

    private Run run(SourceSet.Expanded set, List<Notification> notes, IncrementalCache cache) {
        notes.addAll(set.notifications());
        Spec spec;
        try {
            spec = specs();
        } catch (SpecError e) {
            notes.add(new Notification(Level.ERROR, e.file(), e.oneLine()));
            spec = Spec.merge(List.of());
        }
        CParser parser = CParser.of(options);
        io.lockcheck.cache.PackedCfgs.spillUnder(options.cacheDir());
        PhaseClock clock = new PhaseClock();
        List<FileFacts> files = jobs().map(set.files(), f -> io.lockcheck.cache.PackedCfgs.pack(FileFacts.of(f, parser,
                options.maxFileBytes(), options.parseTimeoutMillis(), cache)));
        List<FunctionUnit> functions = new ArrayList<>();
        List<StructDef> structs = new ArrayList<>();
        int failed = 0, withProblems = 0;
        long lines = 0;
        for (FileFacts ff : files) {
            functions.addAll(ff.functions());
            structs.addAll(ff.structs());
            notes.addAll(ff.notifications());
            failed += ff.failed() ? 1 : 0;
            withProblems += ff.functionsWithProblems();
            lines += ff.lines();
        }
        clock.lap("files");
        TypeTable types = new TypeTable(structs, spec.structs());
        Bindings bindings = new Bindings(functions, spec, types);
        io.lockcheck.guard.Coverage coverage = new io.lockcheck.guard.Coverage(types, bindings);
        // the contracts pass solves most functions with their final callee contracts: their facts come from that flow
        clock.lap("bindings");
        Map<FunctionUnit, FunctionFacts> early = Collections.synchronizedMap(new IdentityHashMap<>());
        Summaries summaries = Summaries.compute(functions, options.functionBudget(), spec, coverage,
                jobs(), (s, fn, flow) -> early.put(fn, functionFacts(fn, flow, s, types, coverage)));
        clock.lap("contracts");
        List<FunctionFacts> perFunction = jobs().map(functions,
                fn -> early.containsKey(fn) ? early.get(fn) : functionFacts(fn, summaries, types, coverage,
                        options.functionBudget()));
        early.clear();
        clock.lap("facts");
        WriteStats writes = new WriteStats();
        LocklessFields lockless = new LocklessFields();
        Map<FunctionUnit, Set<LockPath>> entry = new IdentityHashMap<>();
        Map<FunctionUnit, List<FunctionUnit>> callers = new IdentityHashMap<>();
        List<io.lockcheck.flow.Contract.Effect> heldRequirements = new ArrayList<>();
        Set<String> callbackLocks = new TreeSet<>();
        // callbacks also run under the locks the callers of their caller hold (intel_hpd_irq_setup())
        Set<FunctionUnit> callingBack = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < functions.size(); i++) {
            FunctionFacts ff = perFunction.get(i);
            if (ff != null && ff.callbackLocks().contains(FunctionFacts.CALLS_BACK)) callingBack.add(functions.get(i));
        }
        for (int i = 0; i < perFunction.size(); i++) {
            FunctionFacts ff = perFunction.set(i, null); // merged, then let go: a whole tree's are hundreds of MB
            if (ff == null) continue;
            heldRequirements.addAll(ff.heldRequirements());
            callbackLocks.addAll(ff.callbackLocks());
            writes.addAll(ff.writes());
            lockless.addAll(ff.lockless());
            // all of a function's call sites have it as the caller: each callee gets it once
            Set<FunctionUnit> called = Collections.newSetFromMap(new IdentityHashMap<>(ff.calls().size()));
            for (FunctionFacts.CallSite c : ff.calls()) {
                if (called.add(c.callee())) callers.computeIfAbsent(c.callee(), k -> new ArrayList<>()).add(c.caller());
                if (callingBack.contains(c.callee())) {
                    for (LockPath l : c.held()) {
                        callbackLocks.add(io.lockcheck.flow.OpaqueLockers.signature(l));
                        callbackLocks.addAll(coverage.kinds(c.callee(), l));
                    }
                }
                if (!c.callee().isStatic()) continue; // other callers may exist outside the run
                entry.merge(c.callee(), new TreeSet<>(c.held()), (a, b) -> {
                    a.retainAll(b);
                    return a;
                });
            }
        }
        // kept through the rules pass: no spare capacity, no empty sets (most callees' intersection)
        callers.replaceAll((callee, list) -> List.copyOf(list));
        entry.replaceAll((callee, held) -> held.isEmpty() ? Set.of() : held);
        GuardTable guards = new GuardTable(types, spec, seenLockFields(functions), writes,
                new GuardTable.Thresholds(options.inferMinWrites(), options.inferMinShare()));
        RunFacts facts = new RunFacts(summaries, new GuardQuery(types, guards, bindings), entry, callers, lockless, spec,
                coverage, new io.lockcheck.guard.CallerLocks(summaries, heldRequirements, callers, callbackLocks),
                new io.lockcheck.guard.LockFamilies(functions, summaries, types, bindings));
        clock.lap("guards");
        Stats stats = new Stats(set.files().size(), failed, functions.size(), withProblems, lines);
        return new Run(functions, facts, stats);
    }

    private static FunctionFacts functionFacts(FunctionUnit fn, Summaries summaries, TypeTable types,
                                               io.lockcheck.flow.LockMatch match, long budget) {
        try (var pin = fn.cfg().pin()) {
            return functionFacts(fn, LockFlow.solve(fn, summaries.calleesOf(fn), budget), summaries, types, match);
        } catch (RuntimeException | StackOverflowError e) {
            return null; // the rules pass reports the failure for this function
        }
    }

    private static FunctionFacts functionFacts(FunctionUnit fn, LockFlow.Result flow, Summaries summaries, TypeTable types,
                                               io.lockcheck.flow.LockMatch match) {
        try {
            return FunctionFacts.of(fn, flow, types, summaries, match);
        } catch (RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    /** Per file, the names of lock fields its code takes or asserts (spec entries may depend on them). */
    private static Map<Path, Set<String>> seenLockFields(List<FunctionUnit> functions) {
        Map<Path, Set<String>> byFile = new java.util.HashMap<>();
        for (FunctionUnit f : functions) {
            byFile.computeIfAbsent(f.file(), k -> new TreeSet<>()).addAll(f.cfg().lockFields());
        }
        return byFile;
    }

    private List<Finding> check(FunctionUnit fn, RunFacts facts, List<Notification> notes) {
        List<Finding> out = new ArrayList<>();
        try (var pin = fn.cfg().pin()) {
            LockFlow.Result flow = LockFlow.solve(fn, facts.summaries().calleesOf(fn), options.functionBudget());
            if (flow.budgetExceeded()) {
                synchronized (notes) {
                    notes.add(new Notification(Level.WARNING, fn.file(),
                            "analysis of " + fn.name() + "() stopped at the --function-budget of " + options.functionBudget()
                                    + " steps; findings in it may be incomplete"));
                }
            }
            Map<String, Object> shared = new java.util.HashMap<>();
            for (Rule r : rules) {
                RuleContext ctx = new RuleContext(r, fn, flow, facts, shared);
                r.check(ctx);
                out.addAll(ctx.findings());
            }
        } catch (RuntimeException | StackOverflowError e) {
            synchronized (notes) {
                notes.add(new Notification(Level.ERROR, fn.file(), "internal error in " + fn.name() + "(): " + e));
            }
        }
        return out;
    }

    /**
     * The CFG of one function ({@code function} non-null) or of every function in the file, in
     * the stable text form. Throws IllegalArgumentException when the function is not in the file.
     */
    public String dumpCfg(Path file, String function) throws IOException {
        SourceText src = SourceText.read(file);
        CParser parser = CParser.of(options);
        List<FunctionUnit> fns;
        try {
            fns = Jobs.onBigStack(() -> new Lowering(src).functions(parser.parse(src)));
        } catch (IllegalStateException e) {
            throw new IOException("cannot parse " + file + ": " + e.getCause(), e);
        }
        StringBuilder b = new StringBuilder();
        for (FunctionUnit f : fns) {
            if (function == null || f.name().equals(function)) b.append(CfgDump.render(f));
        }
        if (function != null && b.length() == 0) {
            throw new IllegalArgumentException("no function '" + function + "' in " + file);
        }
        return b.toString();
    }
}
