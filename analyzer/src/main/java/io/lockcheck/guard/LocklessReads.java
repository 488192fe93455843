package io.lockcheck.guard;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.cfg.Node;
import io.lockcheck.flow.FlowState;
import io.lockcheck.flow.Held;
import io.lockcheck.flow.LockFlow;
import io.lockcheck.lock.LockPath;

import io.lockcheck.cfg.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which plain reads of guarded fields in one function are deliberately lockless, and why
 * (LC003 takes those; LC001 the rest). Following the kernel memory model's access-marking
 * rules, a load is deliberately lockless when its value is used to find a lock, when it is
 * re-checked under the lock, when it is polled in a loop, when the field is marked
 * (READ_ONCE/WRITE_ONCE) elsewhere, or when a lockless field is loaded twice (double fetch).
 */
public final class LocklessReads {
    private final Map<Event.Access, String> reasons = new IdentityHashMap<>();

    public LocklessReads(FunctionUnit fn, LockFlow.Result flow, GuardQuery q, Set<LockPath> entry, LocklessFields run) {
        if (GuardQuery.exempt(fn)) return; // *_locked: the caller holds the guard; init: not shared yet
        Set<LockPath> taken = locksNamed(fn);
        List<Object[]> heldReads = new ArrayList<>(); // {path, span}: reads made with the guard held
        Map<Event.Access, Node> nodes = new IdentityHashMap<>();
        Map<Event.Access, FlowState> states = new IdentityHashMap<>();
        flow.replay((node, e, st) -> {
            if (!(e instanceof Event.Access a) || q.marked(fn, a) || a.kind() != io.lockcheck.cfg.AccessKind.READ) return;
            for (Requirement r : q.requirements(fn, a.path())) {
                GuardQuery.Status s = q.status(fn, r, st, entry);
                if (s == GuardQuery.Status.HELD) heldReads.add(new Object[] {a.path(), a.span()});
                else if (s != GuardQuery.Status.OTHER_INSTANCE) {
                    nodes.put(a, node);
                    states.put(a, st);
                }
            }
        });
        Map<LockPath, List<Node>> loads = new HashMap<>();
        flow.replay((node, e, st) -> {
            if (!(e instanceof Event.Access a) || !nodes.containsKey(a)) return;
            String key = FunctionFacts.key(fn, a.path(), q.types());
            String why = byConstruction(fn, node, a, st, taken);
            if (why == null && heldReads.stream().anyMatch(h -> h[0].equals(a.path()) && after((Span) h[1], a.span()))) {
                why = "it is re-checked later with the lock held";
            }
            if (why == null && key != null && run.marked(key) != null) {
                why = "'" + a.path().lastField() + "' has " + run.marked(key);
            }
            // a double fetch: an earlier unlocked load of the same path on the way here
            List<Node> earlier = loads.computeIfAbsent(a.path(), k -> new ArrayList<>());
            boolean refetch = earlier.stream().anyMatch(p -> p == node || fn.cfg().reaches(p.id(), node.id()));
            earlier.add(node);
            if (why == null && refetch && key != null && run.reader(key) != null) {
                why = "it is loaded again without the lock, so the two loads may differ; the field is "
                        + run.reader(key);
            }
            if (why != null) reasons.put(a, why);
        });
    }

    /** Why a plain read is deliberately lockless, or null when it is a plain unlocked read (LC001). */
    public String reason(Event.Access a) {
        return reasons.get(a);
    }

    private static boolean after(Span a, Span b) {
        return a.line() > b.line() || a.line() == b.line() && a.column() > b.column();
    }

    /** The locks a function takes or asserts. */
    static Set<LockPath> locksNamed(FunctionUnit fn) {
        Set<LockPath> out = new TreeSet<>();
        for (Event e : fn.cfg().outline()) {
            LockPath l = Event.namedLock(e);
            if (l != null) out.add(l);
        }
        return out;
    }

    /** Lockless by construction, whatever its guard: it finds a lock, or it is polled with no lock held. */
    static String byConstruction(FunctionUnit fn, Node node, Event.Access a, FlowState st, Set<LockPath> taken) {
        for (LockPath l : taken) {
            if (l.startsWith(a.path()) && l.segments().size() > a.path().segments().size() && st.held(l) != Held.YES) {
                return "its value is used to find the lock '" + l + "'";
            }
        }
        // polling: a loop exit test with no lock held whose value only another thread can change
        // (for (i = 0; i < x->n; i++) ends because of its own counter, not because of x->n)
        if (node.kind() == Node.Kind.COND && fn.cfg().exitsCycle(node.id())
                && st.locks().stream().noneMatch(l -> st.held(l) == Held.YES)) {
            java.util.Set<String> moved = fn.cfg().assignedInCycle(node.id());
            boolean ownCounter = WORD.matcher(node.label()).results()
                    .anyMatch(m -> moved.contains(m.group()));
            if (!ownCounter) return "it is polled in a loop";
        }
        return null;
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
}
