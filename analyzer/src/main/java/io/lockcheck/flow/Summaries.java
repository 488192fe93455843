package io.lockcheck.flow;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contracts of every function in a run, computed bottom-up over the call graph (Tarjan's
 * SCCs, callees first). Calls inside one recursive cycle see no contract, so the result does
 * not depend on file order or thread count.
 */
public final class Summaries {
    private final Map<StaticKey, FunctionUnit> byStaticKey = new HashMap<>();

    private record StaticKey(java.nio.file.Path file, String name) {
    }
    private final Map<String, FunctionUnit> byName = new HashMap<>();
    private final Map<FunctionUnit, Contract> contracts = Collections.synchronizedMap(new IdentityHashMap<>());
    /*
     * Handed-on requirements (see PassedOn), keyed by effect identity. Written by the workers of
     * the contracts pass under this object's lock, read by the callers solved after them and the
     * rules pass.
     */
    private final Map<Contract.Effect, PassedOn> passedOn = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Per callee effect, the callers' effects handed on from it. */
    private final Map<Contract.Effect, List<PassedOn>> heirs = Collections.synchronizedMap(new IdentityHashMap<>());
    /** The function whose contract holds an effect. */
    private final Map<Contract.Effect, FunctionUnit> owners = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Per handed-on effect, the union of its requirements' kinds, and whether any is fuzzy. */
    private final Map<Contract.Effect, java.util.Set<String>> handedKinds = Collections.synchronizedMap(new IdentityHashMap<>());
    private final Map<Contract.Effect, Boolean> handedFuzzy = Collections.synchronizedMap(new IdentityHashMap<>());
    final KindSets kindSets = new KindSets();
    private final long stepBudget;
    private final LockMatch match;

    private Summaries(List<FunctionUnit> all, long stepBudget, LockMatch match) {
        this.stepBudget = stepBudget;
        this.match = match;
        List<FunctionUnit> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((FunctionUnit f) -> f.file().toString()).thenComparing(f -> f.span().line()));
        for (FunctionUnit f : sorted) {
            if (f.isStatic()) byStaticKey.putIfAbsent(new StaticKey(f.file(), f.name()), f);
            else byName.putIfAbsent(f.name(), f);
        }
    }

    public static Summaries compute(List<FunctionUnit> all, long stepBudget) {
        return compute(all, stepBudget, io.lockcheck.spec.Spec.merge(List.of()));
    }

    /** Contracts from the bodies, with spec contracts added (and standing in for functions not in the run). */
    public static Summaries compute(List<FunctionUnit> all, long stepBudget, io.lockcheck.spec.Spec spec) {
        return compute(all, stepBudget, spec, LockMatch.EXACT, tasks -> tasks.forEach(Runnable::run), null);
    }

    /** Runs independent tasks, possibly in parallel, and returns when all are done. */
    public interface Workers {
        void runAll(List<Runnable> tasks);

        /** How many tasks {@link #runAll} runs at once. */
        default int parallelism() {
            return 1;
        }
    }

    /**
     * Sees the flow of a function solved with final callee contracts, the same flow as
     * {@code LockFlow.solve(f, calleesOf(f), budget)} (functions in a recursive cycle are not seen).
     */
    public interface Solved {
        void flow(Summaries summaries, FunctionUnit f, LockFlow.Result flow);
    }

    /**
     * As {@link #compute(List, long, io.lockcheck.spec.Spec)}, with each function solved by one of
     * {@code workers} once its callees are (see CalleesFirst); the contracts do not depend on
     * how they run. {@code solved} may be null.
     */
    public static Summaries compute(List<FunctionUnit> all, long stepBudget, io.lockcheck.spec.Spec spec,
                                    LockMatch match, Workers workers, Solved solved) {
        Summaries s = new Summaries(all, stepBudget, match);
        for (io.lockcheck.spec.Spec.FunctionContract c : spec.functions()) s.specContracts.putIfAbsent(c.function(), c);
        s.run(all, workers, solved);
        return s;
    }

    private final Map<String, io.lockcheck.spec.Spec.FunctionContract> specContracts = new HashMap<>();

    /** A spec contract as effects in the function's parameter names. */
    private static List<Contract.Effect> effects(io.lockcheck.spec.Spec.FunctionContract c, String source) {
        List<Contract.Effect> out = new ArrayList<>();
        for (String r : c.requires()) add(out, Contract.Kind.REQUIRES, r, source);
        for (String a : c.acquires()) add(out, Contract.Kind.ACQUIRES, a, source);
        for (String r : c.releases()) add(out, Contract.Kind.RELEASES, r, source);
        return out;
    }

    private static void add(List<Contract.Effect> out, Contract.Kind k, String text, String source) {
        io.lockcheck.lock.LockPath p = io.lockcheck.lock.LockPath.parse(text);
        if (p != null) out.add(new Contract.Effect(k, p, text, null, source, false));
    }

    /** The spec contract of a function defined outside the run, or null. */
    private Contract specOnly(String name) {
        if (name == null) return null; // a call through a function pointer
        // one object per function: effects are told apart by identity (handed-on requirements)
        return specOnly.computeIfAbsent(name, n -> java.util.Optional.ofNullable(newSpecOnly(n))).orElse(null);
    }

    private final Map<String, java.util.Optional<Contract>> specOnly = new java.util.concurrent.ConcurrentHashMap<>();

    private Contract newSpecOnly(String name) {
        var c = specContracts.get(name);
        if (c == null) return null;
        List<String> params = new ArrayList<>();
        for (Contract.Effect e : effects(c, "lock spec")) if (!params.contains(e.lock().root())) params.add(e.lock().root());
        return new Contract(name, params, effects(c, "lock spec"));
    }

    /** The definition a call from {@code caller} reaches: a static in the same file, else a global. */
    public FunctionUnit resolve(FunctionUnit caller, String callee) {
        if (callee == null) return null;
        FunctionUnit f = byStaticKey.get(new StaticKey(caller.file(), callee));
        return f != null ? f : byName.get(callee);
    }

    /** How a handed-on requirement came about, or null when the effect is its function's own. */
    public PassedOn passedOn(Contract.Effect e) {
        return passedOn.get(e);
    }

    /** The kinds of a required lock as its function and those below saw them. */
    public java.util.Set<String> kinds(Contract.Effect e) {
        if (passedOn.containsKey(e)) return handedKinds.get(e);
        FunctionUnit owner = owners.get(e);
        if (owner == null) return java.util.Set.of();
        java.util.Set<String> out = new java.util.TreeSet<>(match.kinds(owner, e.lock()));
        // the lock as the body wrote it (priv->lru.lock): its local may have the declared type
        io.lockcheck.lock.LockPath written = io.lockcheck.lock.LockPath.parse(e.text());
        if (written != null) out.addAll(match.kinds(owner, written));
        return out;
    }

    /** True when {@code f} calls an unseen locking function on {@code lock}'s object (see OpaqueLockers). */
    boolean opaquelyLocked(FunctionUnit f, io.lockcheck.lock.LockPath lock) {
        return OpaqueLockers.find(f, lock, this) != null;
    }

    /** A requirement reached through some function's local: callers can match it by kind or name only. */
    public boolean fuzzy(Contract.Effect e) {
        return handedFuzzy.containsKey(e);
    }

    /** The callers' requirements handed on from {@code e}. */
    public List<PassedOn> heirs(Contract.Effect e) {
        return heirs.getOrDefault(e, List.of());
    }

    /** The function whose contract has {@code e}; null for a spec-only contract. */
    public FunctionUnit owner(Contract.Effect e) {
        return owners.get(e);
    }

    /** Adds the requirements {@code f} hands on to its callers (see PassedOn) to its contract. */
    private Contract handOn(FunctionUnit f, LockFlow.Result flow, LockFlow.Callees view, Contract body) {
        List<PassedOn> handed = PassedOn.of(f, flow, view, body, match, this);
        if (handed.isEmpty()) return body;
        List<Contract.Effect> effs = new ArrayList<>(body.effects());
        synchronized (this) { // functions whose callees are done run in parallel and may share a callee
            for (PassedOn p : handed) {
                if (passedOn.putIfAbsent(p.effect(), p) == null) effs.add(p.effect());
                handedKinds.merge(p.effect(), p.kinds(), (a, b) -> a.containsAll(b) ? a : kindSets.of(union(a, b)));
                if (p.fuzzy()) handedFuzzy.put(p.effect(), Boolean.TRUE);
                heirs.computeIfAbsent(p.from(), k -> new ArrayList<>()).add(p);
            }
        }
        return new Contract(body.function(), body.params(), effs);
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> u = new java.util.TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    public Contract contract(FunctionUnit f) {
        return f == null ? null : contracts.get(f);
    }

    /** The contract a call reaches: the callee's in the run, else a spec contract, else null. */
    public Contract contractOf(FunctionUnit caller, String callee) {
        FunctionUnit f = resolve(caller, callee);
        return f != null ? contracts.get(f) : callee == null ? null : specOnly(callee);
    }

    /** The callee view for one caller's flow. */
    public LockFlow.Callees calleesOf(FunctionUnit caller) {
        return once(name -> contractOf(caller, name));
    }

    /** A callee view that looks each name up once: one solve asks at every visit of every call. */
    private static LockFlow.Callees once(java.util.function.Function<String, Contract> lookup) {
        Map<String, Contract> known = new HashMap<>();
        return call -> {
            String name = call.callee();
            if (name == null) return null;
            if (known.containsKey(name)) return known.get(name);
            Contract c = lookup.apply(name);
            known.put(name, c);
            return c;
        };
    }

    private List<FunctionUnit> callees(FunctionUnit f) {
        List<FunctionUnit> out = new ArrayList<>();
        for (String name : f.cfg().callees()) {
            FunctionUnit g = resolve(f, name);
            if (g != null) out.add(g);
        }
        return List.copyOf(out); // kept for the whole pass, for every function: no spare capacity
    }

    private void run(List<FunctionUnit> all, Workers workers, Solved solved) {
        List<FunctionUnit> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing((FunctionUnit f) -> f.file().toString()).thenComparing(f -> f.span().line()));
        Map<FunctionUnit, List<FunctionUnit>> edges = new IdentityHashMap<>();
        for (FunctionUnit f : sorted) edges.put(f, callees(f));
        CalleesFirst.run(new Tarjan(sorted, edges).sccs(), edges, workers, scc -> solveScc(scc, edges, solved));
    }

    private void solveScc(List<FunctionUnit> scc, Map<FunctionUnit, List<FunctionUnit>> edges, Solved solved) {
        Set<FunctionUnit> cycle = Collections.newSetFromMap(new IdentityHashMap<>());
        cycle.addAll(scc);
        for (FunctionUnit f : scc) {
            // callees outside the cycle are final, so each can be looked up once
            LockFlow.Callees view = once(name -> {
                FunctionUnit g = resolve(f, name);
                return g == null ? specOnly(name) : cycle.contains(g) ? null : contracts.get(g);
            });
            LockFlow.Result flow = null;
            try (var pin = f.cfg().pin()) {
                flow = LockFlow.solve(f, view, stepBudget);
                Contract body = Exits.contract(f, flow);
                var sc = specContracts.get(f.name());
                if (sc != null) {
                    List<Contract.Effect> merged = new ArrayList<>(effects(sc, "lock spec"));
                    for (Contract.Effect e : body.effects()) {
                        if (merged.stream().noneMatch(x -> x.lock().equals(e.lock()))) merged.add(e);
                    }
                    body = new Contract(f.name(), f.params(), merged);
                }
                body = handOn(f, flow, view, body);
                for (Contract.Effect e : body.effects()) owners.put(e, f);
                contracts.put(f, body);
            } catch (RuntimeException | StackOverflowError e) {
                // the rules pass reports the same failure for this function; callers see no contract
                contracts.put(f, new Contract(f.name(), f.params(), List.of()));
                flow = null;
            }
            // outside a recursive cycle the view is the final one: the flow is the one later passes need
            if (solved != null && flow != null && edges.get(f).stream().noneMatch(cycle::contains)) {
                try (var pin = f.cfg().pin()) {
                    solved.flow(this, f, flow);
                }
            }
        }
    }
}
