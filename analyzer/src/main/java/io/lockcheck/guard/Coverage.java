package io.lockcheck.guard;

import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.flow.Held;
import io.lockcheck.flow.LockMatch;
import io.lockcheck.flow.LockState;
import io.lockcheck.lock.LockPath;

import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a path of a caller holds the lock a callee requires, the caller's way of naming it
 * aside. Compared in the caller's frame only: the same lock, the same lock once entry aliases
 * are undone ({@code priv->lru.lock} with {@code priv = obj->dev->dev_private}), the same kind
 * after bindings ({@code priv->lru.willneed.lock} bound to {@code priv->lru.lock}), or the same
 * field of an object of the same name. When the required lock's kind is unknown, any held lock
 * with its field name counts: fast mode often lacks the struct layouts that would tell.
 */
public final class Coverage implements LockMatch {
    private final TypeTable types;
    private final Bindings bindings;

    public Coverage(TypeTable types, Bindings bindings) {
        this.types = types;
        this.bindings = bindings;
    }

    @Override
    public boolean covers(FunctionUnit fn, LockPath required, Set<String> kinds, LockState path) {
        if (EXACT.covers(fn, required, kinds, path)) return true;
        LockPath reqEntry = fn.atEntry(required);
        Set<String> reqKinds = new TreeSet<>(kinds);
        reqKinds.addAll(kinds(fn, required));
        for (var e : path.locks().entrySet()) {
            Held h = e.getValue().held();
            if (h != Held.YES && h != Held.UNKNOWN) continue;
            LockPath l = e.getKey();
            if (fn.atEntry(l).equals(reqEntry) || namesakes(l, required)) return true;
            if (!l.lastField().equals(required.lastField()) && h == Held.UNKNOWN) continue;
            if (reqKinds.isEmpty() && l.lastField().equals(required.lastField())) return true;
            for (String k : kinds(fn, l)) if (reqKinds.contains(k)) return true;
        }
        return false;
    }

    /** {@code dev->lock} and {@code obj->dev->lock}: the same field of objects of the same name. */
    private static boolean namesakes(LockPath a, LockPath b) {
        return !a.segments().isEmpty() && !b.segments().isEmpty() && a.lastField().equals(b.lastField())
                && a.parent().lastField().equals(b.parent().lastField());
    }

    @Override
    public Set<String> kinds(FunctionUnit fn, LockPath lock) {
        Set<String> out = new TreeSet<>();
        String a = bindings.kindOf(types, fn, lock);
        String b = bindings.kindOf(types, fn, fn.atEntry(lock));
        if (a != null) out.add(a);
        if (b != null) out.add(b);
        bound(fn, lock, out);
        bound(fn, fn.atEntry(lock), out);
        return out;
    }

    /** Bindings anchored at any typed prefix, not just the root (see {@link TypeTable#anchoredForms}). */
    private void bound(FunctionUnit fn, LockPath lock, Set<String> out) {
        for (String form : types.anchoredForms(fn, lock)) if (bindings.binds(form)) out.add(bindings.resolve(form));
    }
}
