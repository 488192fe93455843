package io.lockcheck.guard;

import io.lockcheck.flow.Contract;
import io.lockcheck.flow.PassedOn;
import io.lockcheck.flow.Summaries;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Whether some caller, at any depth, holds a required lock where it calls: then the lock
 * protocol exists, and a chain of callers that never takes the lock breaks it.
 */
public final class CallerLocks {
    private final Summaries summaries;
    private final Set<Contract.Effect> heldAtSomeCall = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Contract.Effect, Boolean> memo = new IdentityHashMap<>();

    public CallerLocks(Summaries summaries, Collection<Contract.Effect> heldAtCalls) {
        this.summaries = summaries;
        heldAtSomeCall.addAll(heldAtCalls);
    }

    /** True when a caller holds {@code e} where it calls, or hands it on to callers of which one does. */
    public synchronized boolean heldAbove(Contract.Effect e) {
        Boolean known = memo.get(e);
        if (known != null) return known;
        memo.put(e, Boolean.FALSE); // handed-on requirements form a DAG; this only guards against surprises
        boolean held = heldAtSomeCall.contains(e);
        for (PassedOn p : summaries.heirs(e)) {
            if (held) break;
            held = heldAbove(p.effect());
        }
        memo.put(e, held);
        return held;
    }
}
