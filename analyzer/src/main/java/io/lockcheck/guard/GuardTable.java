package io.lockcheck.guard;

import io.lockcheck.lock.LockPath;
import io.lockcheck.spec.Spec;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which lock guards which field in this run, with provenance: annotations in the code first,
 * then specs, then inference from how the code writes each field.
 */
public final class GuardTable {
    /** Inference thresholds: at least this many writes under the lock, and this share of all writes. */
    public record Thresholds(int minHeld, double minShare) {
        public static final Thresholds DEFAULT = new Thresholds(io.lockcheck.AnalyzerOptions.DEFAULT_INFER_MIN_WRITES,
                io.lockcheck.AnalyzerOptions.DEFAULT_INFER_MIN_SHARE);
    }

    private final Map<String, Guard> guards = new TreeMap<>();

    public GuardTable(TypeTable types, Spec spec, Set<String> seenLockFields, WriteStats stats, Thresholds t) {
        types.definitions().values().stream().sorted((a, b) -> a.name().compareTo(b.name())).forEach(d ->
                d.fields().forEach((field, info) -> {
                    for (StructDef.FieldAnnotation a : info.annotations()) {
                        boolean pt = a.kind().equals("pt_guarded_by");
                        if (!pt && !a.kind().equals("guarded_by")) continue;
                        LockPath rel = LockPath.parse(a.text());
                        if (rel == null) continue;
                        put(new Guard(d.name(), field, rel, null, null, Guard.Source.ANNOTATION,
                                "__" + a.kind() + "(" + a.text() + ") in the definition of struct " + d.name(), pt));
                    }
                }));
        for (Spec.FieldGuard g : spec.fields()) {
            if (!applies(g.ifSeen(), seenLockFields)) continue;
            String by = g.guardedBy();
            Guard guard = by.startsWith("global ")
                    ? new Guard(g.struct(), g.field(), null, by.substring(7).strip(), null, Guard.Source.SPEC,
                    "a lock spec", false)
                    : new Guard(g.struct(), g.field(), LockPath.parse(by), null, null, Guard.Source.SPEC,
                    "a lock spec", false);
            put(guard);
        }
        if (stats != null) infer(stats, t);
    }

    private static boolean applies(String ifSeen, Set<String> seen) {
        if (ifSeen == null) return true;
        return ifSeen.startsWith("!") ? !seen.contains(ifSeen.substring(1)) : seen.contains(ifSeen);
    }

    private void put(Guard g) {
        guards.putIfAbsent(g.key(), g);
    }

    private void infer(WriteStats stats, Thresholds t) {
        stats.fields().forEach((key, f) -> {
            if (guards.containsKey(key) || f.writes() == 0) return;
            String best = null;
            WriteStats.Candidate bc = null;
            for (var e : f.candidates().entrySet()) {
                WriteStats.Candidate c = e.getValue();
                if (c.held() < t.minHeld() || c.held() < t.minShare() * f.writes()) continue;
                // a lock only known by its kind, not tied to the written object, must be held on every write
                if (e.getKey().startsWith("type ") && c.held() < f.writes()) continue;
                if (bc == null || c.held() > bc.held() || c.held() == bc.held() && rank(e.getKey()) < rank(best)) {
                    best = e.getKey();
                    bc = c;
                }
            }
            if (best == null) return;
            int dot = key.indexOf('.');
            String struct = key.substring(0, dot), field = key.substring(dot + 1);
            String evidence = "'" + field + "' is written with '" + bc.display() + "' held " + bc.held() + " of "
                    + f.writes() + " times";
            LockPath rel = best.startsWith("rel ") ? LockPath.parse(best.substring(4)) : null;
            String global = best.startsWith("global ") ? best.substring(7) : null;
            String typed = best.startsWith("type ") ? best.substring(5) : null;
            if (rel == null && global == null && typed == null) return; // not expressible as a guard
            guards.put(key, new Guard(struct, field, rel, global, typed, Guard.Source.INFERENCE, evidence, false));
        });
    }

    /** Prefer the instance-precise forms: relative, then global, then typed. */
    private static int rank(String candidate) {
        return candidate.startsWith("rel ") ? 0 : candidate.startsWith("global ") ? 1 : 2;
    }

    public Guard lookup(String struct, String field) {
        return struct == null ? null : guards.get(struct + "." + field);
    }

    public Collection<Guard> all() {
        return guards.values();
    }
}
