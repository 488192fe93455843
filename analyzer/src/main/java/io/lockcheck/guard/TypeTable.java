package io.lockcheck.guard;

import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.lock.LockPath;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Field types of every struct the run knows: from definitions in the analysed code (and
 * headers in precise mode) and from specs' {@code structs} sections. Gives the struct type of
 * any path in a function, and a path's type-level form ({@code drm_gem_lru.lock}), which names
 * "the same kind of lock" across functions and files.
 */
public final class TypeTable {
    private final Map<String, Map<String, String>> fields = new HashMap<>();
    private final Map<String, StructDef> defs = new HashMap<>();

    /** Definitions in code come first (they are the truth for this tree), then specs fill gaps. */
    public TypeTable(List<StructDef> structs, Map<String, Map<String, String>> specStructs) {
        for (StructDef d : structs) {
            defs.putIfAbsent(d.name(), d);
            Map<String, String> f = fields.computeIfAbsent(d.name(), k -> new HashMap<>());
            d.fields().forEach((k, v) -> f.putIfAbsent(k, v.type()));
        }
        specStructs.forEach((s, f) -> {
            Map<String, String> m = fields.computeIfAbsent(s, k -> new HashMap<>());
            f.forEach(m::putIfAbsent);
        });
    }

    /**
     * True when a struct defined in the analysed code (not merely described by a spec) has a
     * field of this name: the tree itself has it.
     */
    public boolean hasFieldNamed(String field) {
        return defs.values().stream().anyMatch(d -> d.fields().containsKey(field));
    }

    public Map<String, StructDef> definitions() {
        return defs;
    }

    /** "struct drm_gem_lru *" -> "drm_gem_lru"; "const struct foo" -> "foo"; other types as written. */
    public static String structName(String type) {
        if (type == null) return null;
        String s = STRUCT_NAMES.get(type);
        if (s == null) {
            String t = QUALIFIERS.matcher(type.replace("*", " ")).replaceAll(" ").strip();
            s = t.isEmpty() ? "" : SPACES.matcher(t).replaceAll(" ");
            if (STRUCT_NAMES.size() > 100_000) STRUCT_NAMES.clear(); // a long-lived process stays bounded
            STRUCT_NAMES.put(type, s);
        }
        return s.isEmpty() ? null : s;
    }

    private static final java.util.regex.Pattern QUALIFIERS =
            java.util.regex.Pattern.compile("\\b(const|volatile|struct|union|__rcu|__iomem)\\b");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern TRAILING_STAR = java.util.regex.Pattern.compile("\\s*\\*$");
    /** Type texts repeat across a run; a profile of drivers/gpu/drm spent a third of its time here. */
    private static final Map<String, String> STRUCT_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    public String fieldType(String struct, String field) {
        Map<String, String> f = fields.get(struct);
        return f == null ? null : f.get(field);
    }

    /** The declared type text of {@code path} in {@code fn}, or null when unknown. */
    public String typeOf(FunctionUnit fn, LockPath path) {
        String t = fn.types().get(path.root());
        // the text of each prefix of the path, grown one segment at a time (the rules ask this for every access)
        StringBuilder prefix = new StringBuilder(path.root());
        for (String seg : path.segments()) {
            prefix.append(seg);
            String declared = fn.types().get(prefix.toString()); // typed by an alias local
            if (declared != null) {
                t = declared;
                continue;
            }
            if (t == null) return null;
            if (seg.startsWith("[")) {
                t = t.contains("*") ? TRAILING_STAR.matcher(t).replaceFirst("") : t; // element of a pointer or array
                continue;
            }
            String f = seg.startsWith("->") ? seg.substring(2) : seg.substring(1);
            t = fieldType(structName(t), f);
        }
        return t;
    }

    /** The struct a path points to or is, e.g. drm_gem_lru for {@code obj->lru}; null if unknown. */
    public String structOf(FunctionUnit fn, LockPath path) {
        String t = typeOf(fn, path);
        String s = structName(t);
        return s != null && fields.containsKey(s) ? s : s;
    }

    /**
     * The lock path anchored at its root's declared struct ({@code priv->willneed.lock} ->
     * {@code my_priv.willneed.lock}), the form bindings are stated in; null when the root's
     * type is unknown.
     */
    public String rootForm(FunctionUnit fn, LockPath lock) {
        String s = structName(fn.types().get(lock.root()));
        if (s == null || lock.segments().isEmpty()) return null;
        return typed(s, lock.segments());
    }

    /**
     * The type-level form of a lock path: the deepest proper prefix with a known struct type,
     * then the remaining fields ({@code obj->lru->lock} -> {@code drm_gem_lru.lock};
     * {@code priv->lru.lock} -> {@code msm_drm_private.lru.lock}). Globals stay themselves;
     * null when nothing is known.
     */
    public String typedForm(FunctionUnit fn, LockPath lock) {
        if (lock.segments().isEmpty()) return fn.isLocal(lock.root()) ? null : lock.root();
        for (int cut = lock.segments().size() - 1; cut >= 0; cut--) {
            LockPath prefix = new LockPath(lock.root(), lock.segments().subList(0, cut));
            String s = structName(typeOf(fn, prefix));
            // a declared type (the root's, or an alias local's) names the kind even when the layout is unknown
            boolean declared = cut == 0 || fn.types().containsKey(prefix.toString());
            if (s == null || !fields.containsKey(s) && !declared) continue;
            return typed(s, lock.segments().subList(cut, lock.segments().size()));
        }
        return null;
    }

    /**
     * The lock path anchored at every prefix whose type is declared: the root's, and those an
     * alias local typed ({@code obj->dev->dev_private} from {@code struct msm_drm_private *priv}),
     * root first. Bindings are stated in these forms.
     */
    public List<String> anchoredForms(FunctionUnit fn, LockPath lock) {
        List<String> out = new java.util.ArrayList<>();
        for (int cut = 0; cut < lock.segments().size(); cut++) {
            LockPath prefix = new LockPath(lock.root(), lock.segments().subList(0, cut));
            String s = structName(fn.types().get(prefix.toString()));
            if (s == null) continue;
            out.add(typed(s, lock.segments().subList(cut, lock.segments().size())));
        }
        return out;
    }

    /** {@code struct} followed by the segments' field names: {@code my_priv.lru.lock}. */
    private static String typed(String struct, List<String> segments) {
        StringBuilder b = new StringBuilder(struct);
        for (String seg : segments) {
            b.append('.').append(seg.startsWith("->") ? seg.substring(2) : seg.startsWith(".") ? seg.substring(1) : seg);
        }
        return b.toString();
    }
}
