package io.lockcheck.lock;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A canonical access path such as {@code obj->lru->lock} or {@code priv->lru.lock}: a root
 * (variable, parameter or global) and member/index segments ("->f", ".f", "[i]"). A lock is
 * named by the path of the lock object itself, so {@code mutex_lock(&priv->lock)} and
 * {@code mutex_lock(m)} with {@code m = &priv->lock} both name {@code priv->lock}.
 */
public record LockPath(String root, List<String> segments) implements Comparable<LockPath> {
    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public LockPath {
        segments = List.copyOf(segments);
    }

    private static final Pattern TOKEN = Pattern.compile("\\s*(->|\\.|\\[[^\\]]*\\]|[A-Za-z_][A-Za-z0-9_]*)");

    /**
     * Parses the path notation used in annotations and spec files: {@code &priv->lru.lock},
     * {@code lru->lock}, {@code (obj->lru)->lock}, {@code slots[i].lock}. Returns null when
     * the text is not such a path.
     */
    public static LockPath parse(String text) {
        String t = text.replaceAll("[()\\s]", "");
        if (t.startsWith("&")) t = t.substring(1);
        if (t.startsWith("*")) return null;
        var m = TOKEN.matcher(t);
        if (!m.lookingAt() || !IDENT.matcher(m.group(1)).matches()) return null;
        LockPath p = of(m.group(1));
        int pos = m.end();
        while (pos < t.length()) {
            m.region(pos, t.length());
            if (!m.lookingAt()) return null;
            String tok = m.group(1);
            pos = m.end();
            if (tok.startsWith("[")) {
                p = p.index(tok.substring(1, tok.length() - 1));
                continue;
            }
            m.region(pos, t.length());
            if (!m.lookingAt() || !IDENT.matcher(m.group(1)).matches()) return null;
            p = tok.equals("->") ? p.arrow(m.group(1)) : p.dot(m.group(1));
            pos = m.end();
        }
        return p;
    }

    public static LockPath of(String root) {
        return new LockPath(io.lockcheck.cfg.Texts.shared(root), List.of());
    }

    public LockPath arrow(String field) {
        return append("->" + field);
    }

    public LockPath dot(String field) {
        return append("." + field);
    }

    public LockPath index(String text) {
        return append("[" + text + "]");
    }

    private LockPath append(String seg) {
        List<String> s = new ArrayList<>(segments.size() + 1);
        s.addAll(segments);
        s.add(segment(seg));
        return new LockPath(root, s);
    }

    private static final java.util.Map<String, String> SEGMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** One instance per distinct segment text: a run holds millions of paths over a few thousand fields. */
    private static String segment(String s) {
        String t = SEGMENTS.get(s);
        if (t != null) return t;
        if (SEGMENTS.size() > 200_000) SEGMENTS.clear(); // bounded in a long-lived process
        t = SEGMENTS.putIfAbsent(s, s);
        return t == null ? s : t;
    }

    /** The last field name, or the root when there are no segments. */
    public String lastField() {
        if (segments.isEmpty()) return root;
        String s = segments.get(segments.size() - 1);
        return s.startsWith("->") ? s.substring(2) : s.startsWith(".") ? s.substring(1) : s;
    }

    public LockPath parent() {
        return segments.isEmpty() ? null : new LockPath(root, segments.subList(0, segments.size() - 1));
    }

    /** True when the path's value depends on variable {@code var} (as root or inside an index). */
    public boolean mentions(String var) {
        if (root.equals(var)) return true;
        for (String s : segments) {
            if (s.startsWith("[") && s.contains(var) && IDENT.matcher(s).results().anyMatch(m -> m.group().equals(var))) {
                return true;
            }
        }
        return false;
    }

    public boolean startsWith(LockPath prefix) {
        return root.equals(prefix.root) && segments.size() >= prefix.segments.size()
                && segments.subList(0, prefix.segments.size()).equals(prefix.segments);
    }

    /**
     * Replaces the root by {@code value}. {@code address} says {@code value} names an object
     * whose address the root holds ({@code f = &priv->foo}), so a following {@code ->x}
     * becomes {@code .x}: {@code f->lock} with f = &priv->foo is {@code priv->foo.lock}.
     */
    public LockPath rebase(LockPath value, boolean address) {
        List<String> s = new ArrayList<>(value.segments);
        for (int i = 0; i < segments.size(); i++) {
            String seg = segments.get(i);
            if (i == 0 && address && seg.startsWith("->")) {
                seg = "." + seg.substring(2);
            }
            s.add(seg);
        }
        return new LockPath(value.root, s);
    }

    /** The order of {@link #toString()}, without building the strings (every lock map is sorted by it). */
    @Override
    public int compareTo(LockPath o) {
        int si = -1, sj = -1; // -1: the root, else a segment index
        String a = root, b = o.root;
        int i = 0, j = 0;
        while (true) {
            while (i == a.length() && si + 1 < segments.size()) {
                a = segments.get(++si);
                i = 0;
            }
            while (j == b.length() && sj + 1 < o.segments.size()) {
                b = o.segments.get(++sj);
                j = 0;
            }
            boolean endA = i == a.length(), endB = j == b.length();
            if (endA || endB) return endA && endB ? 0 : endA ? -1 : 1;
            char x = a.charAt(i++), y = b.charAt(j++);
            if (x != y) return x - y;
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(root);
        for (String s : segments) b.append(s);
        return b.toString();
    }
}
