package io.lockcheck.flow;

import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.lock.LockPath;

import java.util.Set;

/**
 * Whether one path of a function holds a lock some callee requires. The engine's default is
 * the exact path; the guard layer adds lock kinds and bindings ({@code priv->lru.willneed.lock}
 * is {@code priv->lru.lock} once drm_gem_lru_init() bound it). {@code kinds}: the required
 * lock's kinds as the functions below the call saw them, where more types may be known.
 */
public interface LockMatch {
    boolean covers(FunctionUnit fn, LockPath required, Set<String> kinds, LockState path);

    /** The kinds of {@code lock} in {@code fn} (type-level forms after bindings); empty when unknown. */
    default Set<String> kinds(FunctionUnit fn, LockPath lock) {
        return Set.of();
    }

    LockMatch EXACT = (fn, required, kinds, path) -> {
        Held h = path.held(required);
        return h == Held.YES || h == Held.UNKNOWN;
    };

    /** YES on every path, MAYBE on some, NO on none (an unreachable state is YES: nothing to check). */
    default Held heldIn(FunctionUnit fn, LockPath required, Set<String> kinds, FlowState st) {
        int yes = 0;
        for (LockState p : st.paths()) if (covers(fn, required, kinds, p)) yes++;
        return yes == st.paths().size() ? Held.YES : yes == 0 ? Held.NO : Held.MAYBE;
    }
}
