package io.lockcheck.rule;

import java.util.List;
import java.util.Map;

/**
 * One reported problem. {@code function} is the C function it is in; {@code fingerprint} is
 * stable across line shifts (rule, function, source text of the line, occurrence); it is filled
 * in by the analyzer. {@code properties} carry machine-readable evidence (for inferred guards).
 */
public record Finding(
        String ruleId,
        Level level,
        Location location,
        String message,
        String function,
        List<Step> related,
        List<ThreadTrace> flow,
        Map<String, String> properties,
        Fix fix,
        String fingerprint) implements Comparable<Finding> {

    public Finding {
        related = List.copyOf(related);
        flow = List.copyOf(flow);
        // sorted: Map.copyOf iterates in an order that changes from one JVM run to the next
        properties = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(properties));
    }

    public Finding withFingerprint(String fp) {
        return new Finding(ruleId, level, location, message, function, related, flow, properties, fix, fp);
    }

    public Finding withLevel(Level l) {
        return new Finding(ruleId, l, location, message, function, related, flow, properties, fix, fingerprint);
    }

    @Override
    public int compareTo(Finding o) {
        int c = location.compareTo(o.location);
        if (c != 0) return c;
        c = ruleId.compareTo(o.ruleId);
        if (c != 0) return c;
        return message.compareTo(o.message);
    }
}
