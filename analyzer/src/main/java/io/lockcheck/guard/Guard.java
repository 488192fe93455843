package io.lockcheck.guard;

import io.lockcheck.lock.LockPath;

/**
 * What guards {@code struct.field}. The lock is {@code relative} to the object holding the
 * field ({@code lock} for the object's own lock, {@code lru->lock} for a self-guarding pointer),
 * or a {@code global} lock, or a {@code typed} form ({@code msm_drm_private.lru.lock}) meaning
 * "a lock of that kind". {@code pointee}: the field is a pointer and the data it points to is
 * guarded ({@code __pt_guarded_by}), not the pointer itself.
 */
public record Guard(String struct, String field, LockPath relative, String global, String typed, Source source,
                    String evidence, boolean pointee) {

    /** Where the guard knowledge comes from, most trusted first. */
    public enum Source { ANNOTATION, SPEC, INFERENCE }

    public String key() {
        return struct + "." + field;
    }

    /** The guard as written in a spec file: {@code lock}, {@code lru->lock}, {@code global drm_global_mutex}. */
    public String lockText() {
        if (relative != null) return relative.toString();
        if (global != null) return "global " + global;
        return "type " + typed;
    }

    /**
     * The lock instance guarding the field at {@code access} (a path ending in the field), e.g.
     * {@code lru->count} with guard {@code lock} needs {@code lru->lock}. Null for typed guards.
     */
    public LockPath instanceFor(LockPath access) {
        if (global != null) return LockPath.parse(global);
        if (relative == null) return null;
        LockPath owner = access.parent();
        String last = access.segments().get(access.segments().size() - 1);
        String sep = last.startsWith("->") ? "->" : ".";
        LockPath p = sep.equals("->") ? owner.arrow(relative.root()) : owner.dot(relative.root());
        for (String s : relative.segments()) {
            p = s.startsWith("->") ? p.arrow(s.substring(2)) : s.startsWith(".") ? p.dot(s.substring(1)) : p.index(s);
        }
        return p;
    }
}
