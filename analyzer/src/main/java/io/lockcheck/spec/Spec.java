package io.lockcheck.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lock spec: what a maintainer states about a subsystem's locking, loaded from YAML (the
 * built-in packs and --spec files). Guard and lock expressions are paths relative to the
 * object whose field is accessed ({@code lock}, {@code lru->lock}, {@code dev->gem_lru_mutex}),
 * or {@code global NAME} for a global lock; function lock paths are in the function's
 * parameter names ({@code lru->lock}).
 *
 * @param source  where it came from ("builtin:drm-gem-lru" or a file path), for provenance
 * @param structs field types the analysis needs when headers are not parsed:
 *                struct name -> field -> type text ("struct drm_gem_lru *")
 */
public record Spec(String source, List<FieldGuard> fields, List<FunctionContract> functions, List<Binding> bindings,
                   Map<String, Map<String, String>> structs) {

    /** Where in the spec file an entry is, for messages: 1-based line and column. */
    public record Mark(int line, int column) {
    }

    /**
     * {@code struct.field} is guarded by {@code guardedBy}. {@code ifSeen}: the entry applies only
     * when the analysed code uses a lock field of that name (variants for trees before and after
     * a locking change, e.g. {@code gem_lru_mutex}); null means always.
     */
    public record FieldGuard(String struct, String field, String guardedBy, String ifSeen, Mark mark) {
    }

    /** A function's lock contract in terms of its parameters. */
    public record FunctionContract(String function, List<String> requires, List<String> acquires, List<String> releases,
                                   Mark mark) {
        public FunctionContract {
            requires = List.copyOf(requires);
            acquires = List.copyOf(acquires);
            releases = List.copyOf(releases);
        }
    }

    /**
     * A binding function: after {@code function(...)} returns, the lock path {@code target}
     * (in parameter terms, e.g. {@code lru->lock}) refers to the lock named by {@code value}
     * (e.g. {@code lock}): {@code drm_gem_lru_init(&priv->lru.willneed, &priv->lru.lock)}
     * makes {@code priv->lru.willneed.lock} be {@code priv->lru.lock}.
     */
    public record Binding(String function, String target, String value, Mark mark) {
    }

    public Spec {
        fields = List.copyOf(fields);
        functions = List.copyOf(functions);
        bindings = List.copyOf(bindings);
        structs = Map.copyOf(structs);
    }

    /** All given specs as one, in order (earlier entries win where they disagree). */
    public static Spec merge(List<Spec> specs) {
        List<FieldGuard> f = new ArrayList<>();
        List<FunctionContract> c = new ArrayList<>();
        List<Binding> b = new ArrayList<>();
        Map<String, Map<String, String>> s = new java.util.TreeMap<>();
        for (Spec x : specs) {
            f.addAll(x.fields);
            c.addAll(x.functions);
            b.addAll(x.bindings);
            x.structs.forEach((k, v) -> s.merge(k, v, (old, add) -> {
                Map<String, String> m = new java.util.TreeMap<>(add);
                m.putAll(old);
                return m;
            }));
        }
        return new Spec("merged", f, c, b, s);
    }
}
