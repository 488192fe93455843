package io.lockcheck.guard;

import io.lockcheck.lock.LockPath;
import io.lockcheck.spec.Spec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
    /** Spec entries that depend on the tree's locking generation (if_seen / unless_seen), by key. */
    private final Map<String, List<Conditional>> conditional = new TreeMap<>();
    private final Map<java.nio.file.Path, Set<String>> seenByFile;
    private final TypeTable types;

    private record Conditional(Guard guard, String ifSeen) {
    }

    /**
     * {@code seenByFile}: per file, the lock fields it takes or asserts. A spec entry with
     * {@code if_seen: gem_lru_mutex} applies in a file that takes that lock, or everywhere when
     * a known struct has a field of that name ("when the tree has that field").
     */
    public GuardTable(TypeTable types, Spec spec, Map<java.nio.file.Path, Set<String>> seenByFile, WriteStats stats,
                      Thresholds t) {
        this.types = types;
        this.seenByFile = seenByFile;
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
            String by = g.guardedBy();
            Guard guard = by.startsWith("global ")
                    ? new Guard(g.struct(), g.field(), null, by.substring(7).strip(), null, Guard.Source.SPEC,
                    "a lock spec", false)
                    : new Guard(g.struct(), g.field(), LockPath.parse(by), null, null, Guard.Source.SPEC,
                    "a lock spec", false);
            if (g.ifSeen() == null) put(guard);
            else conditional.computeIfAbsent(guard.key(), k -> new ArrayList<>()).add(new Conditional(guard, g.ifSeen()));
        }
        if (stats != null) infer(stats, t);
    }

    private boolean applies(String ifSeen, java.nio.file.Path file) {
        String name = ifSeen.startsWith("!") ? ifSeen.substring(1) : ifSeen;
        boolean seen = types.hasFieldNamed(name) || file != null && seenByFile.getOrDefault(file, Set.of()).contains(name);
        return ifSeen.startsWith("!") != seen;
    }

    private void put(Guard g) {
        guards.putIfAbsent(g.key(), g);
    }

    private void infer(WriteStats stats, Thresholds t) {
        stats.fields().forEach((key, f) -> {
            if (guards.containsKey(key) || conditional.containsKey(key) || f.writes() == 0) return;
            String best = null;
            WriteStats.Candidate bc = null;
            for (var e : f.candidates().entrySet()) {
                WriteStats.Candidate c = e.getValue();
                if (c.held() < t.minHeld() || c.held() < t.minShare() * f.writes()) continue;
                // a lock not tied to the written object (known only by its kind, or a global such as a
                // registration mutex held while objects are set up) must be held on every write
                if (!e.getKey().startsWith("rel ") && c.held() < f.writes()) continue;
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

    /** The guard of {@code struct.field} for code in {@code file}: annotations first, then specs, then inference. */
    public Guard lookup(String struct, String field, java.nio.file.Path file) {
        if (struct == null) return null;
        String key = struct + "." + field;
        Guard g = guards.get(key);
        if (g != null && g.source() == Guard.Source.ANNOTATION) return g;
        for (Conditional c : conditional.getOrDefault(key, List.of())) {
            if (applies(c.ifSeen(), file)) return c.guard();
        }
        return g;
    }

    /** Every guard; of generation-dependent spec entries, the ones that hold tree-wide. */
    public Collection<Guard> all() {
        List<Guard> out = new ArrayList<>(guards.values());
        conditional.forEach((k, cs) -> {
            if (guards.containsKey(k)) return;
            cs.stream().filter(c -> applies(c.ifSeen(), null)).findFirst().ifPresent(c -> out.add(c.guard()));
        });
        out.sort(java.util.Comparator.comparing(Guard::key));
        return out;
    }
}
