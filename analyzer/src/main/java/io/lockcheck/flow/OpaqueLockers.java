package io.lockcheck.flow;

import io.lockcheck.cfg.Arg;
import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.lock.LockPath;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Calls to functions lockcheck cannot see into (a static inline in a header, in fast mode)
 * whose name says they lock, with the lock's object as an argument:
 * {@code amdgpu_bo_reserve(bo, false)} before {@code ttm_bo_validate(&bo->tbo, ...)}. The lock
 * may well be held there, so lock requirements on that object are not judged in the function.
 */
public final class OpaqueLockers {
    private static final Pattern LOCKING = Pattern.compile("(?i)lock|reserve|acquire|_get$");

    private OpaqueLockers() {
    }

    /** The name of such a call in {@code fn} on {@code lock}'s object, or null. */
    public static String find(FunctionUnit fn, LockPath lock, Summaries summaries) {
        List<LockPath> forms = List.of(lock, fn.atEntry(lock));
        for (Event e : fn.cfg().outline()) {
            if (!(e instanceof Event.Call c) || c.callee() == null || !LOCKING.matcher(c.callee()).find()) continue;
            if (summaries.resolve(fn, c.callee()) != null || summaries.contractOf(fn, c.callee()) != null) continue;
            for (Arg a : c.args()) {
                if (a.path() == null) continue;
                for (LockPath obj : List.of(a.path(), fn.atEntry(a.path()))) {
                    for (LockPath l : forms) if (inside(l, obj)) return c.callee();
                }
            }
        }
        return null;
    }

    /**
     * The lock lives in the object {@code obj} points to (or is): {@code bo->tbo.base.resv} is
     * in {@code bo}; {@code obj->dev->dev_private->lru.lock} is not in {@code obj} but in
     * another object reached from it, which locking {@code obj} says nothing about.
     */
    static boolean inside(LockPath lock, LockPath obj) {
        if (!lock.startsWith(obj)) return false;
        List<String> rest = lock.segments().subList(obj.segments().size(), lock.segments().size());
        for (int i = 1; i < rest.size(); i++) if (rest.get(i).startsWith("->")) return false;
        return true;
    }

    /** "lru.lock" for {@code priv->lru.lock}: the lock's field and its owner's, a loose kind. */
    public static String signature(LockPath lock) {
        return lock.segments().isEmpty() ? lock.root() : lock.parent().lastField() + "." + lock.lastField();
    }
}
