package io.lockcheck.guard;

import io.lockcheck.cfg.Arg;
import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.flow.Contract;
import io.lockcheck.flow.FlowState;
import io.lockcheck.flow.LockMatch;
import io.lockcheck.flow.OpaqueLockers;
import io.lockcheck.flow.Held;
import io.lockcheck.flow.LockFlow;
import io.lockcheck.flow.Summaries;
import io.lockcheck.lock.LockPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one function contributes to run-wide guard knowledge: inference evidence from its plain
 * writes, and the locks it holds at each call of a static function (for callee entry lock sets).
 */
public record FunctionFacts(WriteStats writes, List<CallSite> calls, LocklessFields lockless,
                            List<Contract.Effect> heldRequirements, Set<String> callbackLocks) {

    /** In {@code callbackLocks}: the function calls through a function pointer. */
    public static final String CALLS_BACK = "(calls back)";

    /** At a call of {@code callee} from {@code caller}: the locks held, in the callee's parameter names. */
    public record CallSite(FunctionUnit caller, FunctionUnit callee, Set<LockPath> held) {
    }

    /**
     * {@code heldRequirements}: callee requirements this function holds (on some path at least)
     * where it calls them; evidence that callers are meant to hold them. {@code callbackLocks}:
     * signatures ({@link OpaqueLockers#signature}) of the locks held at calls through function
     * pointers, which callbacks may rely on.
     */
    public static FunctionFacts of(FunctionUnit fn, LockFlow.Result flow, TypeTable types, Summaries summaries,
                                   LockMatch match) {
        WriteStats stats = new WriteStats();
        List<Contract.Effect> heldRequirements = new ArrayList<>();
        Set<String> callbackLocks = new TreeSet<>();
        List<CallSite> calls = new ArrayList<>();
        LocklessFields lockless = new LocklessFields();
        boolean unshared = GuardQuery.exempt(fn);
        boolean callersLock = fn.name().endsWith("_locked") && !GuardQuery.unshared(fn);
        Set<LockPath> locksTaken = LocklessReads.locksNamed(fn);
        flow.replay((node, e, st) -> {
            if (e instanceof Event.Access a) {
                String key = key(fn, a.path(), types);
                if (key != null && a.marked()) {
                    lockless.marked(key, "a marked access in " + fn.name() + "()");
                    if (a.kind().reads()) lockless.markedReader(key, "read with a marked load in " + fn.name() + "()");
                } else if (key != null && a.kind() == io.lockcheck.cfg.AccessKind.READ) {
                    String why = LocklessReads.byConstruction(fn, node, a, st, locksTaken);
                    if (why != null) lockless.reader(key, "read locklessly in " + fn.name() + "() (" + why + ")");
                }
            }
            if (e instanceof Event.Access a && a.kind().writes() && (!unshared || callersLock)) {
                String key = key(fn, a.path(), types);
                LockPath held = st.locks().stream().filter(l -> st.held(l) == Held.YES).findFirst().orElse(null);
                if (key != null && (held != null || callersLock)) {
                    String lock = held != null ? "'" + held + "'" : "its caller's lock";
                    lockless.writer(key, new LocklessFields.Writer(fn, a.span(), a.text(), lock));
                }
                if (!a.marked() && !GuardQuery.unshared(fn)) write(fn, a, st, types, stats);
            } else if (e instanceof Event.Call c) {
                FunctionUnit g = summaries.resolve(fn, c.callee());
                if (g != null) calls.add(new CallSite(fn, g, toCallee(fn, c, g, st)));
                Contract k = summaries.contractOf(fn, c.callee());
                for (Contract.Effect r : k == null ? List.<Contract.Effect>of() : k.effects()) {
                    LockPath p = r.kind() == Contract.Kind.REQUIRES ? k.atCall(r.lock(), c) : null;
                    if (p != null && (match.heldIn(fn, p, summaries.kinds(r), st) != Held.NO
                            || OpaqueLockers.find(fn, p, summaries) != null)) {
                        heldRequirements.add(r);
                    }
                }
                if (c.callee() == null) {
                    // a call through a function pointer (an ops callback) made with these locks held
                    callbackLocks.add(CALLS_BACK);
                    for (LockPath l : st.locks()) {
                        if (st.held(l) != Held.YES) continue;
                        callbackLocks.add(OpaqueLockers.signature(l));
                        callbackLocks.addAll(match.kinds(fn, l));
                    }
                }
            }
        });
        // a whole tree has millions of functions and calls, most with nothing to tell: no empty collections kept
        return new FunctionFacts(stats.isEmpty() ? WriteStats.NONE : stats, List.copyOf(calls),
                lockless.isEmpty() ? LocklessFields.NONE : lockless,
                heldRequirements.isEmpty() ? List.of() : heldRequirements,
                callbackLocks.isEmpty() ? Set.of() : callbackLocks);
    }

    /** "struct.field" of the field an access ends in, or null when its owner's type is unknown. */
    public static String key(FunctionUnit fn, LockPath path, TypeTable types) {
        if (path.segments().isEmpty() || path.segments().get(path.segments().size() - 1).startsWith("[")) return null;
        String struct = TypeTable.structName(types.typeOf(fn, path.parent()));
        return struct == null || struct.equals("void") ? null : struct + "." + path.lastField();
    }

    private static void write(FunctionUnit fn, Event.Access a, FlowState st, TypeTable types, WriteStats stats) {
        LockPath field = a.path();
        if (field.segments().isEmpty() || field.segments().get(field.segments().size() - 1).startsWith("[")) return;
        String struct = TypeTable.structName(types.typeOf(fn, field.parent()));
        if (struct == null || struct.equals("void")) return; // void *: no struct to attach a guard to
        String key = struct + "." + field.lastField();
        stats.write(key);
        String where = fn.file() + ":" + a.span().line();
        for (LockPath l : st.locks()) {
            if (st.held(l) != Held.YES) continue;
            String display = l.toString();
            LockPath owner = field.parent();
            if (l.startsWith(owner) && l.segments().size() > owner.segments().size()) {
                List<String> rest = l.segments().subList(owner.segments().size(), l.segments().size());
                String first = rest.get(0);
                if (first.startsWith("[") || rest.stream().anyMatch(s -> s.startsWith("["))) continue; // not a member path
                LockPath rel = LockPath.of(first.startsWith("->") ? first.substring(2) : first.substring(1));
                for (String s : rest.subList(1, rest.size())) rel = s.startsWith("->") ? rel.arrow(s.substring(2)) : rel.dot(s.substring(1));
                stats.held(key, "rel " + rel, display, where);
            } else if (!fn.isLocal(l.root())) {
                stats.held(key, "global " + l, display, where);
            } else {
                String typed = types.typedForm(fn, l);
                if (typed != null) stats.held(key, "type " + typed, display, where);
            }
        }
    }

    /** Caller-held locks rewritten into the callee's parameters; globals stay, the rest is dropped. */
    static Set<LockPath> toCallee(FunctionUnit caller, Event.Call c, FunctionUnit callee, FlowState st) {
        Set<LockPath> out = new TreeSet<>();
        for (LockPath l : st.locks()) {
            if (st.held(l) != Held.YES) continue;
            if (!caller.isLocal(l.root())) {
                out.add(l);
                continue;
            }
            for (int i = 0; i < c.args().size() && i < callee.params().size(); i++) {
                Arg a = c.args().get(i);
                if (a.path() == null || !l.startsWith(a.path())) continue;
                List<String> rest = l.segments().subList(a.path().segments().size(), l.segments().size());
                LockPath p = LockPath.of(callee.params().get(i));
                for (int k = 0; k < rest.size(); k++) {
                    String s = rest.get(k);
                    if (k == 0 && a.address() && s.startsWith(".")) s = "->" + s.substring(1);
                    p = s.startsWith("->") ? p.arrow(s.substring(2)) : s.startsWith(".") ? p.dot(s.substring(1)) : p.index(s.substring(1, s.length() - 1));
                }
                out.add(p);
            }
        }
        return out.isEmpty() ? Set.of() : out;
    }
}
