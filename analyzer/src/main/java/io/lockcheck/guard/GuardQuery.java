package io.lockcheck.guard;

import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.flow.FlowState;
import io.lockcheck.flow.Held;
import io.lockcheck.lock.LockPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules' view of guard knowledge: what an access needs, and whether a state provides it. */
public final class GuardQuery {
    /** Whether a requirement is met at a point. */
    public enum Status { HELD, OTHER_INSTANCE, MAYBE, NOT_HELD }

    /**
     * Functions that run while an object is not yet (or no longer) shared: the kernel does not
     * lock there, by design. Matched on whole words of the function name.
     */
    private static final Pattern UNSHARED = Pattern.compile(
            "(^|_)(init|create|alloc|probe|destroy|free|fini|cleanup|teardown|new|ctor|dtor|oneinit|preinit)(_|$)");

    private final TypeTable types;
    private final GuardTable guards;
    private final Bindings bindings;

    public GuardQuery(TypeTable types, GuardTable guards, Bindings bindings) {
        this.types = types;
        this.guards = guards;
        this.bindings = bindings;
    }

    public TypeTable types() {
        return types;
    }

    public Bindings bindings() {
        return bindings;
    }

    public GuardTable guards() {
        return guards;
    }

    /**
     * A marked access: READ_ONCE()/WRITE_ONCE()/data_race() and the like, or any access to a
     * field declared {@code __data_racy} (its races are intended, as KCSAN is told).
     */
    public boolean marked(FunctionUnit fn, io.lockcheck.cfg.Event.Access a) {
        if (a.marked()) return true;
        LockPath p = a.path();
        for (int i = p.segments().size(); i > 0; i--) {
            LockPath field = new LockPath(p.root(), p.segments().subList(0, i));
            if (field.segments().get(i - 1).startsWith("[")) continue;
            StructDef d = types.definitions().get(TypeTable.structName(types.typeOf(fn, field.parent())));
            StructDef.Field f = d == null ? null : d.fields().get(field.lastField());
            if (f != null && f.annotations().stream().anyMatch(x -> x.kind().equals("data_racy"))) return true;
            if (field.segments().get(i - 1).startsWith("->")) break;
        }
        return false;
    }

    /** Init and teardown functions, and {@code *_locked} functions whose callers hold the locks. */
    public static boolean exempt(FunctionUnit fn) {
        return unshared(fn) || fn.name().endsWith("_locked");
    }

    /** Init and teardown functions: the object is not shared yet, or any more. */
    public static boolean unshared(FunctionUnit fn) {
        return UNSHARED.matcher(fn.name()).find();
    }

    /**
     * The guarded fields an access touches: walking back from the accessed field through
     * embedded members ({@code priv->lru.dontneed.count} touches {@code count} of the embedded
     * LRU), up to the first pointer dereference, plus a pointer whose pointee is guarded.
     */
    public List<Requirement> requirements(FunctionUnit fn, LockPath access) {
        List<Requirement> out = new ArrayList<>();
        List<String> segs = access.segments();
        for (int i = segs.size() - 1; i >= 0; i--) {
            String seg = segs.get(i);
            if (seg.startsWith("[")) continue;
            LockPath field = new LockPath(access.root(), segs.subList(0, i + 1));
            LockPath owner = field.parent();
            String name = field.lastField();
            Guard g = guards.lookup(TypeTable.structName(types.typeOf(fn, owner)), name, fn.file());
            if (g != null && !g.pointee()) out.add(requirement(fn, g, field));
            if (seg.startsWith("->")) {
                // the object behind a pointer member may be guarded as a whole (__pt_guarded_by)
                if (!owner.segments().isEmpty()) {
                    Guard pg = guards.lookup(TypeTable.structName(types.typeOf(fn, owner.parent())), owner.lastField(),
                            fn.file());
                    if (pg != null && pg.pointee()) out.add(requirement(fn, pg, owner));
                }
                break;
            }
        }
        return out;
    }

    private Requirement requirement(FunctionUnit fn, Guard g, LockPath field) {
        LockPath lock = g.instanceFor(field);
        String typed = g.typed() != null ? bindings.resolve(g.typed()) : kindOf(fn, lock);
        return new Requirement(g, field, lock, typed);
    }

    /** The kind of a lock in {@code fn}: its type-level form with bindings applied; null if unknown. */
    public String kindOf(FunctionUnit fn, LockPath lock) {
        return bindings.kindOf(types, fn, lock);
    }

    /**
     * Whether the state holds what {@code r} needs. {@code entry}: locks every caller holds
     * (for static functions). A held lock of the same kind but another instance is
     * OTHER_INSTANCE: that is LC006's business, not an unlocked access.
     */
    public Status status(FunctionUnit fn, Requirement r, FlowState st, Set<LockPath> entry) {
        if (r.lock() != null) {
            Held h = st.held(r.lock());
            if (h == Held.YES || h == Held.UNKNOWN) return Status.HELD;
            if (h == null && entry.contains(r.lock())) return Status.HELD;
            if (h == Held.MAYBE) return Status.MAYBE;
        }
        if (r.typed() != null) {
            for (LockPath held : st.locks()) {
                if (st.held(held) != Held.YES) continue;
                String t = kindOf(fn, held);
                if (r.typed().equals(t)) return r.lock() == null ? Status.HELD : Status.OTHER_INSTANCE;
            }
            for (LockPath e : entry) {
                if (r.typed().equals(kindOf(fn, e))) {
                    return r.lock() == null ? Status.HELD : Status.OTHER_INSTANCE;
                }
            }
        }
        return Status.NOT_HELD;
    }

    /** For OTHER_INSTANCE: the held lock of the required kind (the wrong instance), or null. */
    public LockPath heldInstead(FunctionUnit fn, Requirement r, FlowState st) {
        if (r.typed() == null) return null;
        for (LockPath held : st.locks()) {
            if (st.held(held) == Held.YES && r.typed().equals(kindOf(fn, held)) && !held.equals(r.lock())) return held;
        }
        return null;
    }
}
