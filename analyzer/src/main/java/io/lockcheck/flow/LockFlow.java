package io.lockcheck.flow;

import io.lockcheck.cfg.Cfg;
import io.lockcheck.cfg.Edge;
import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.cfg.Node;
import io.lockcheck.lock.LockPath;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lock dataflow: a worklist solver over a function's CFG with {@link FlowState}s.
 * Try-locks split paths on their result variable, settled on branch edges; calls apply the
 * callee's {@link Contract}; assignments forget locks named through the changed variable.
 */
public final class LockFlow {
    /** Looks up the contract of a call's callee; null when unknown. */
    public interface Callees {
        Contract contract(Event.Call call);
    }

    /** Observes each event with the state just before it. */
    public interface Visitor {
        void visit(Node node, Event event, FlowState before);
    }

    /** After this many visits of one node its paths are merged, so loops converge. */
    private static final int WIDEN_AFTER = 12;

    private final FunctionUnit fn;
    private final Callees callees;

    private LockFlow(FunctionUnit fn, Callees callees) {
        this.fn = fn;
        this.callees = callees;
    }

    public static Result solve(FunctionUnit fn, Callees callees, long stepBudget) {
        return new LockFlow(fn, callees).run(stepBudget);
    }

    public final class Result {
        private final FlowState[] in;
        private final boolean budgetExceeded;

        private Result(FlowState[] in, boolean budgetExceeded) {
            this.in = in;
            this.budgetExceeded = budgetExceeded;
        }

        public FunctionUnit function() {
            return fn;
        }

        public FlowState in(int node) {
            return in[node];
        }

        public boolean budgetExceeded() {
            return budgetExceeded;
        }

        /** Visits every event of every reachable node, in node order, with the state before it. */
        /**
         * Visits every reachable event in node order. The states are worked out on the first
         * replay and kept (states are immutable): every rule replays the same function.
         */
        public void replay(Visitor v) {
            if (before == null) before = statesBeforeEvents();
            int k = 0;
            for (Node n : fn.cfg().nodes()) {
                if (in[n.id()].isUnreachable()) continue;
                for (Event e : n.events()) v.visit(n, e, before[k++]);
            }
        }

        private FlowState[] before;

        private FlowState[] statesBeforeEvents() {
            List<FlowState> out = new ArrayList<>();
            for (Node n : fn.cfg().nodes()) {
                FlowState s = in[n.id()];
                if (s.isUnreachable()) continue;
                for (Event e : n.events()) {
                    out.add(s);
                    s = apply(s, e);
                }
            }
            return out.toArray(new FlowState[0]);
        }
    }

    private Result run(long budget) {
        Cfg cfg = fn.cfg();
        int n = cfg.nodes().size();
        FlowState[] in = new FlowState[n];
        java.util.Arrays.fill(in, FlowState.UNREACHABLE);
        in[0] = FlowState.of(entryState());
        int[] rpo = cfg.reversePostOrder();
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) pos[rpo[i]] = i;
        int[] visits = new int[n];
        TreeSet<Integer> work = new TreeSet<>();
        work.add(0);
        long steps = 0;
        boolean exceeded = false;
        while (!work.isEmpty()) {
            int id = rpo[work.pollFirst()];
            FlowState out = in[id];
            // A step costs as much as the locks it copies: 10,000 nested lock blocks would
            // otherwise take minutes and gigabytes within a budget counted in nodes.
            steps += 1 + out.size();
            if (steps > budget) {
                exceeded = true;
                break;
            }
            for (Event e : cfg.node(id).events()) out = apply(out, e);
            for (Edge edge : cfg.successors(id)) {
                FlowState s = filter(out, cfg.node(id), edge);
                if (s.isUnreachable()) continue;
                List<LockState> all = new ArrayList<>(in[edge.to()].paths());
                all.addAll(s.paths());
                FlowState joined = FlowState.join(all);
                if (++visits[edge.to()] > WIDEN_AFTER && joined.paths().size() > 1) {
                    joined = FlowState.of(FlowState.collapse(joined.paths()));
                }
                if (!joined.paths().equals(in[edge.to()].paths())) {
                    in[edge.to()] = joined;
                    work.add(pos[edge.to()]);
                }
            }
        }
        return new Result(in, exceeded);
    }

    /** Locks the annotations say the caller holds. */
    private LockState entryState() {
        LockState s = LockState.ENTRY;
        for (FunctionUnit.Annotation a : fn.annotations()) {
            if (a.lock() != null && (a.kind().equals("must_hold") || a.kind().equals("releases"))) {
                s = s.withLock(a.lock(), new LockFact(Held.YES, null, a.text(), true));
            }
        }
        return s;
    }

    private static FlowState filter(FlowState out, Node node, Edge edge) {
        String v = node.condVar();
        if (v == null || edge.kind() == Edge.Kind.NEXT) return out;
        boolean nonzero = edge.kind() == Edge.Kind.TRUE;
        List<LockState> kept = new ArrayList<>();
        for (LockState s : out.paths()) {
            Boolean f = s.fact(v);
            if (f == null || f == nonzero) kept.add(s.withFact(v, nonzero));
        }
        return FlowState.join(kept);
    }

    FlowState apply(FlowState s, Event e) {
        if (s.isUnreachable()) return s;
        if (!(e instanceof Event.Acquire || e instanceof Event.Release || e instanceof Event.TryAcquire
                || e instanceof Event.AssertHeld || e instanceof Event.Call || e instanceof Event.Assign)) {
            return s;
        }
        List<LockState> out = new ArrayList<>();
        for (LockState p : s.paths()) apply(p, e, out, s);
        return FlowState.join(out);
    }

    /**
     * Whether {@code lock} is the caller's on a path that does not know it: only when no
     * path knows it. Otherwise it is this function's lock, just not taken on that path.
     */
    private static boolean callersLock(FlowState all, LockPath lock) {
        for (LockState p : all.paths()) {
            if (p.lock(lock) != null) return false;
        }
        return true;
    }

    private void apply(LockState s, Event e, List<LockState> out, FlowState all) {
        if (e instanceof Event.Acquire a) {
            out.add(acquire(s, a.lock(), a.text(), a.span(), a.ctx()));
        } else if (e instanceof Event.Release r) {
            out.add(release(s, r.lock(), r.text(), r.span(), callersLock(all, r.lock())));
        } else if (e instanceof Event.TryAcquire t) {
            tryAcquire(s, t.lock(), t.text(), t.span(), t.resultVar(), t.successIsZero(), t.ctx(), out);
        } else if (e instanceof Event.AssertHeld a) {
            LockFact f = s.lock(a.lock());
            out.add(s.withLock(a.lock(), f == null ? new LockFact(Held.YES, a.span(), a.text(), true)
                    : f.held() == Held.UNKNOWN ? f : f.with(Held.YES, f.site(), f.text())));
        } else if (e instanceof Event.Call c) {
            call(s, c, out, all);
        } else if (e instanceof Event.Assign a) {
            LockState r = assign(s, a.var());
            out.add(a.nonzero() == null ? r : r.withFact(a.var(), a.nonzero()));
        }
    }

    private static LockState acquire(LockState s, LockPath lock, String text, io.lockcheck.cfg.Span at, boolean ctx) {
        LockFact f = s.lock(lock);
        if (f != null && f.held() == Held.UNKNOWN) return s;
        return s.withLock(lock, f == null ? new LockFact(Held.YES, at, text, false, ctx)
                : new LockFact(Held.YES, at, text, f.fromEntry(), f.ctx() || ctx));
    }

    private static LockState release(LockState s, LockPath lock, String text, io.lockcheck.cfg.Span at,
                                     boolean callers) {
        LockFact f = s.lock(lock);
        if (f == null) {
            LockPath same = heldNamesake(s, lock);
            if (same != null) {
                lock = same;
                f = s.lock(same);
            }
        }
        if (f != null && f.held() == Held.UNKNOWN) return s;
        // releasing a lock no path of this function took: it is the caller's
        return s.withLock(lock, f == null ? new LockFact(Held.NO, at, text, callers) : f.with(Held.NO, at, text));
    }

    /**
     * The one held lock with the same field name, in an object of the same name, as an
     * untracked {@code lock}, or null.
     * {@code dev->object_name_lock} held and {@code obj->dev->object_name_lock} released name
     * the same mutex whenever {@code obj->dev == dev}, which kernel objects guarantee; with two
     * or more candidates nothing is guessed.
     */
    static LockPath heldNamesake(LockState s, LockPath lock) {
        if (lock.segments().isEmpty()) return null;
        LockPath found = null;
        for (var e : s.locks().entrySet()) {
            LockPath p = e.getKey();
            Held h = e.getValue().held();
            if ((h == Held.YES || h == Held.MAYBE) && !p.segments().isEmpty() && p.lastField().equals(lock.lastField())
                    && p.parent().lastField().equals(lock.parent().lastField()) && !p.equals(lock)) {
                if (found != null) return null;
                found = p;
            }
        }
        return found;
    }

    private static void tryAcquire(LockState s, LockPath lock, String text, io.lockcheck.cfg.Span at, String var,
                                   boolean successIsZero, boolean ctx, List<LockState> out) {
        LockState won = acquire(s, lock, text, at, ctx);
        if (var == null) {
            // result ignored: held on some paths only
            LockFact f = won.lock(lock);
            LockFact before = s.lock(lock);
            boolean wasHeld = before != null && before.held() == Held.YES;
            out.add(wasHeld ? won : won.withLock(lock, f.with(Held.MAYBE, at, text)));
            return;
        }
        // a result already known on this path (a callee with two locks acquired on the same
        // success value) settles the attempt: only the consistent outcome exists
        Boolean known = s.fact(var);
        if (known == null || known == !successIsZero) out.add(won.withFact(var, !successIsZero));
        // a failed attempt leaves the lock ours and not held (never the caller's)
        LockFact before = s.lock(lock);
        LockState lost = before == null ? s.withLock(lock, new LockFact(Held.NO, at, text, false, ctx)) : s;
        if (known == null || known == successIsZero) out.add(lost.withFact(var, successIsZero));
    }

    private void call(LockState s, Event.Call c, List<LockState> out, FlowState all) {
        Contract k = callees.contract(c);
        if (k == null) {
            out.add(s);
            return;
        }
        List<LockState> cur = List.of(s);
        for (Contract.Effect eff : k.effects()) {
            LockPath p = k.atCall(eff.lock(), c);
            if (p == null) continue;
            List<LockState> next = new ArrayList<>();
            for (LockState x : cur) {
                switch (eff.kind()) {
                    case ACQUIRES -> next.add(acquire(x, p, p.toString(), c.span(), eff.ctx()));
                    case RELEASES -> next.add(release(x, p, p.toString(), c.span(), callersLock(all, p)));
                    // an ignored 0-on-success result means the caller relies on success, as with
                    // dma_resv_lock(obj, NULL); an ignored trylock-style result proves nothing
                    case ACQUIRES_IF_ZERO -> {
                        if (c.resultVar() == null) next.add(acquire(x, p, p.toString(), c.span(), eff.ctx()));
                        else tryAcquire(x, p, p.toString(), c.span(), c.resultVar(), true, eff.ctx(), next);
                    }
                    case ACQUIRES_IF_NONZERO -> tryAcquire(x, p, p.toString(), c.span(), c.resultVar(), false, eff.ctx(),
                            next);
                    case REQUIRES -> next.add(x);
                }
            }
            cur = next;
        }
        out.addAll(cur);
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private static LockState assign(LockState s, String var) {
        LockState r = s.fact(var) != null ? s.withFact(var, null) : s;
        // tests named by their text ("?needs_lock(dev)") no longer hold once dev changes
        for (String k : s.factKeys()) {
            if (k.startsWith("?") && k.contains(var) && WORD.matcher(k).results().anyMatch(m -> m.group().equals(var))) r = r.withFact(k, null);
        }
        TreeMap<LockPath, LockFact> locks = null;
        for (var e : s.locks().entrySet()) {
            if (!e.getKey().mentions(var)) continue;
            if (locks == null) locks = new TreeMap<>(r.locks());
            Held h = e.getValue().held();
            if (h == Held.NO) locks.remove(e.getKey());
            else locks.put(e.getKey(), e.getValue().with(Held.UNKNOWN, e.getValue().site(), e.getValue().text()));
        }
        return locks == null ? r : r.withLocks(locks);
    }
}
