package io.lockcheck.flow;

import io.lockcheck.cfg.Arg;
import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.Span;
import io.lockcheck.lock.LockPath;

import java.util.List;

/**
 * A function's lock contract, in terms of its parameters and globals: which locks it requires
 * on entry, and which it leaves acquired or released. {@code source} says where the contract
 * comes from ("lockdep_assert_held() at line 12", "__must_hold annotation", "body").
 */
public record Contract(String function, List<String> params, List<Effect> effects) {
    public enum Kind { REQUIRES, ACQUIRES, RELEASES, ACQUIRES_IF_NONZERO, ACQUIRES_IF_ZERO }

    /**
     * {@code ctx}: the lock is taken with the caller's ww acquire context, which then owns it.
     */
    public record Effect(Kind kind, LockPath lock, String text, Span site, String source, boolean ctx) {
    }

    public Contract {
        params = List.copyOf(params);
        effects = List.copyOf(effects);
    }

    public boolean isEmpty() {
        return effects.isEmpty();
    }

    /**
     * The caller-side path of a callee lock at this call: parameters are replaced by the
     * arguments ({@code unlock_it(&priv->foo)} releasing {@code f->lock} releases
     * {@code priv->foo.lock}); globals stay. Null when the argument is not a path.
     */
    public LockPath atCall(LockPath calleeLock, Event.Call call) {
        int i = params.indexOf(calleeLock.root());
        if (i < 0) return calleeLock;
        if (i >= call.args().size()) return null;
        Arg a = call.args().get(i);
        if (a.path() == null) return null;
        return calleeLock.rebase(a.path(), a.address());
    }
}
