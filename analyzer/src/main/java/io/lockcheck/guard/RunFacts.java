package io.lockcheck.guard;

import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.flow.Summaries;
import io.lockcheck.lock.LockPath;
import io.lockcheck.spec.Spec;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything run-wide that rules may query besides their own function: contracts, guard
 * knowledge, and for static functions the locks every caller holds on entry.
 */
public record RunFacts(Summaries summaries, GuardQuery guards, Map<FunctionUnit, Set<LockPath>> entryLocks,
                       Map<FunctionUnit, List<FunctionUnit>> callers, LocklessFields lockless, Spec spec,
                       Coverage coverage, CallerLocks callerLocks, LockFamilies families) {
    /** The functions in the run that call {@code f}. */
    public List<FunctionUnit> callers(FunctionUnit f) {
        return callers.getOrDefault(f, List.of());
    }
    /** Locks every caller holds (static functions only: all their callers are in the run). */
    public Set<LockPath> entryLocks(FunctionUnit f) {
        return entryLocks.getOrDefault(f, Set.of());
    }

}
