package io.lockcheck.flow;

import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.cfg.ReturnKind;
import io.lockcheck.cfg.Span;
import io.lockcheck.lock.LockPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each exit path of a function does to each lock, relative to entry. The basis of
 * contracts (all exits agree) and of LC008's disagreeing exits.
 */
public final class Exits {
    public enum Effect { UNCHANGED, ACQUIRED, RELEASED, MAYBE }

    /**
     * What a return returns: ZERO (0, NULL, false, or a local known zero), TRUE (a positive
     * constant), NONZERO (a local known nonzero from a branch: an error code), NEGATIVE
     * (-EINVAL, ERR_PTR()), OTHER (a pointer or expression), UNKNOWN (an int local of unknown
     * value: it may hold an error code), VOID.
     */
    public enum Value { ZERO, TRUE, NONZERO, NEGATIVE, CONSTANT, OTHER, UNKNOWN, VOID }

    /** One exit path for one lock. {@code site}: where the lock last changed on this path. */
    public record Path(Span exit, Effect effect, Value value, Span site, String text, boolean required, boolean ctx) {
    }

    private Exits() {
    }

    /** Per lock, the exit paths, in exit order. Locks whose name was lost (UNKNOWN) are left out. */
    public static Map<LockPath, List<Path>> of(LockFlow.Result r) {
        List<Event.Return> returns = new ArrayList<>();
        List<FlowState> states = new ArrayList<>();
        r.replay((node, e, before) -> {
            if (e instanceof Event.Return ret) {
                returns.add(ret);
                states.add(before);
            }
        });
        TreeMap<LockPath, List<Path>> out = new TreeMap<>();
        for (FlowState s : states) {
            for (LockPath l : s.locks()) out.putIfAbsent(l, new ArrayList<>());
        }
        for (int i = 0; i < returns.size(); i++) {
            Event.Return ret = returns.get(i);
            for (LockState p : states.get(i).paths()) {
                Value v = value(ret, p, r.function());
                for (var e : out.entrySet()) {
                    LockFact f = p.lock(e.getKey());
                    if (f != null && f.held() == Held.UNKNOWN) continue;
                    Effect eff = effect(f);
                    e.getValue().add(new Path(ret.span(), eff, v, f == null ? null : f.site(),
                            f == null ? e.getKey().toString() : f.text(), f != null && f.fromEntry(), f != null && f.ctx()));
                }
            }
        }
        out.values().removeIf(List::isEmpty);
        return out;
    }

    private static Effect effect(LockFact f) {
        if (f == null) return Effect.UNCHANGED;
        return switch (f.held()) {
            case YES -> f.fromEntry() ? Effect.UNCHANGED : Effect.ACQUIRED;
            case NO -> f.fromEntry() ? Effect.RELEASED : Effect.UNCHANGED;
            default -> Effect.MAYBE;
        };
    }

    private static Value value(Event.Return ret, LockState p, FunctionUnit fn) {
        ReturnKind k = ret.kind();
        return switch (k) {
            case ZERO -> Value.ZERO;
            case POSITIVE -> Value.TRUE;
            case NEGATIVE -> Value.NEGATIVE;
            case CONSTANT -> Value.CONSTANT;
            case OTHER -> Value.OTHER;
            case VOID -> Value.VOID;
            case VAR -> {
                Boolean f = ret.var() == null ? null : p.fact(ret.var());
                String type = fn.types().getOrDefault(ret.var(), "");
                boolean pointer = type.contains("*") || type.equals("bool") || type.equals("_Bool");
                // a pointer known non-NULL or a true bool is success; an int known nonzero is an error code
                yield f == null ? (pointer ? Value.OTHER : Value.UNKNOWN) : !f ? Value.ZERO
                        : pointer ? Value.TRUE : Value.NONZERO;
            }
        };
    }

    /**
     * "Acquired on success": the paths that keep the lock all return success and the ones
     * that do not all return failure. Returns the contract kind, or null when it is not that.
     */
    public static Contract.Kind conditional(List<Path> paths) {
        List<Value> held = new ArrayList<>();
        List<Value> notHeld = new ArrayList<>();
        for (Path p : paths) {
            if (p.effect() == Effect.ACQUIRED) held.add(p.value());
            else if (p.effect() == Effect.UNCHANGED) notHeld.add(p.value());
            else return null;
        }
        if (held.isEmpty() || notHeld.isEmpty()) return null;
        if (held.stream().allMatch(v -> v == Value.ZERO)
                && notHeld.stream().allMatch(v -> v == Value.NEGATIVE || v == Value.NONZERO || v == Value.CONSTANT)) {
            return Contract.Kind.ACQUIRES_IF_ZERO;
        }
        // a locked exit returning an error code it just tested is the classic missing unlock
        if (held.stream().allMatch(v -> v == Value.TRUE || v == Value.OTHER)
                && notHeld.stream().allMatch(v -> v == Value.ZERO || v == Value.NEGATIVE)) {
            return Contract.Kind.ACQUIRES_IF_NONZERO;
        }
        return null;
    }

    /** The contract of a function from its exits and annotations. */
    public static Contract contract(FunctionUnit f, LockFlow.Result r) {
        List<Contract.Effect> effects = new ArrayList<>();
        List<String> annotated = new ArrayList<>();
        for (FunctionUnit.Annotation a : f.annotations()) {
            if (a.lock() == null || !exportable(f, a.lock())) continue;
            Contract.Kind k = switch (a.kind()) {
                case "must_hold" -> Contract.Kind.REQUIRES;
                case "acquires" -> Contract.Kind.ACQUIRES;
                case "releases" -> Contract.Kind.RELEASES;
                case "cond_acquires" -> Contract.Kind.ACQUIRES_IF_NONZERO;
                default -> null;
            };
            if (k == null) continue;
            effects.add(new Contract.Effect(k, a.lock(), a.text(), f.span(), "__" + a.kind() + "() annotation", false));
            annotated.add(a.lock().toString());
        }
        for (var e : of(r).entrySet()) {
            LockPath lock = f.atEntry(e.getKey());
            if (!exportable(f, lock) || annotated.contains(lock.toString())) continue;
            List<Path> paths = e.getValue();
            Path first = paths.get(0);
            boolean required = paths.stream().anyMatch(Path::required);
            Contract.Kind k = null;
            if (paths.stream().allMatch(p -> p.effect() == Effect.ACQUIRED)) k = Contract.Kind.ACQUIRES;
            else if (paths.stream().allMatch(p -> p.effect() == Effect.RELEASED)) k = Contract.Kind.RELEASES;
            else if (!required) k = conditional(paths);
            if (k != null) {
                Span site = paths.stream().map(Path::site).filter(s -> s != null).findFirst().orElse(f.span());
                boolean ctx = paths.stream().anyMatch(Path::ctx);
                effects.add(new Contract.Effect(k, lock, first.text(), site, "body of " + f.name() + "()", ctx));
            } else if (paths.stream().anyMatch(p -> p.required() && p.effect() == Effect.UNCHANGED)) {
                // held from entry to an exit: asserted or annotated, not merely released on some
                // paths (vmw_cmd_commit() drops the caller's fifo mutex on one branch only)
                Span site = paths.stream().filter(Path::required).map(Path::site).filter(s -> s != null).findFirst()
                        .orElse(f.span());
                effects.add(new Contract.Effect(Contract.Kind.REQUIRES, lock, first.text(), site,
                        "assertion in " + f.name() + "()", false));
            }
        }
        return new Contract(f.name(), f.params(), effects);
    }

    /** A lock callers can name: rooted at a parameter or a global, not at a local. */
    public static boolean exportable(FunctionUnit f, LockPath lock) {
        String root = lock.root();
        if (root.startsWith("$") || root.startsWith("container_of(")) return false;
        return f.params().contains(root) || !f.locals().contains(root);
    }
}
