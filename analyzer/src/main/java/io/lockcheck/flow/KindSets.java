package io.lockcheck.flow;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One unmodifiable sorted set per distinct set of lock kinds in a run. Every handed-on
 * requirement keeps the kinds of its lock (see PassedOn): about half a million sets on a whole
 * kernel tree, nearly all of them one of a few thousand, and each a TreeSet of its own took
 * about 100 bytes plus 40 per kind. Sorted, so what iterates them stays in a fixed order.
 */
final class KindSets {
    private final Map<Set<String>, SortedSet<String>> known = new ConcurrentHashMap<>();

    /** The shared set equal to {@code kinds} (which the caller may go on changing). */
    SortedSet<String> of(Set<String> kinds) {
        if (kinds.isEmpty()) return Collections.emptySortedSet();
        SortedSet<String> copy = Collections.unmodifiableSortedSet(new TreeSet<>(kinds));
        SortedSet<String> was = known.putIfAbsent(copy, copy);
        return was != null ? was : copy;
    }
}
