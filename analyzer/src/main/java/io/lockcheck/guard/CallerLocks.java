package io.lockcheck.guard;

import io.lockcheck.flow.Contract;
import io.lockcheck.flow.PassedOn;
import io.lockcheck.flow.OpaqueLockers;
import io.lockcheck.flow.Summaries;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether some caller, at any depth, holds a required lock where it calls: then the lock
 * protocol exists, and a chain of callers that never takes the lock breaks it. A function with
 * no caller in the run (an ops callback, mostly) counts as called with the lock when some code
 * calls through a function pointer holding a lock of that signature
 * ({@code connector_funcs->get_modes()} under {@code mode_config.mutex}).
 */
public final class CallerLocks {
    private final Summaries summaries;
    private final Map<io.lockcheck.cfg.FunctionUnit, java.util.List<io.lockcheck.cfg.FunctionUnit>> callers;
    private final Set<String> callbackLocks;
    private final Set<Contract.Effect> heldAtSomeCall = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Contract.Effect, Boolean> memo = new IdentityHashMap<>();

    public CallerLocks(Summaries summaries, Collection<Contract.Effect> heldAtCalls,
                       Map<io.lockcheck.cfg.FunctionUnit, java.util.List<io.lockcheck.cfg.FunctionUnit>> callers,
                       Set<String> callbackLocks) {
        this.summaries = summaries;
        this.callers = callers;
        this.callbackLocks = callbackLocks;
        heldAtSomeCall.addAll(heldAtCalls);
    }

    /** True when a caller holds {@code e} where it calls, or hands it on to callers of which one does. */
    public synchronized boolean heldAbove(Contract.Effect e) {
        Boolean known = memo.get(e);
        if (known != null) return known;
        memo.put(e, Boolean.FALSE); // handed-on requirements form a DAG; this only guards against surprises
        boolean held = heldAtSomeCall.contains(e) || calledBack(e);
        for (PassedOn p : summaries.heirs(e)) {
            if (held) break;
            held = heldAbove(p.effect());
        }
        memo.put(e, held);
        return held;
    }

    private boolean calledBack(Contract.Effect e) {
        io.lockcheck.cfg.FunctionUnit owner = summaries.owner(e);
        if (owner == null || !callers.getOrDefault(owner, java.util.List.of()).isEmpty()) return false;
        if (callbackLocks.contains(OpaqueLockers.signature(e.lock()))) return true;
        for (String k : summaries.kinds(e)) if (callbackLocks.contains(k)) return true;
        return false;
    }
}
