package io.lockcheck.spec;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checked access to the composed YAML nodes of one spec file. Every wrong shape becomes a
 * {@link SpecError} at the offending node, so a maintainer can jump straight to it. Only plain
 * mappings, lists and string scalars are accepted: an explicit tag ({@code !!python/object}) is
 * a wrong type, never something to construct.
 */
final class SpecNodes {
    private static final int MAX_QUOTED = 60;
    private static final List<Tag> IMPLICIT_SCALARS = List.of(Tag.BOOL, Tag.INT, Tag.FLOAT, Tag.TIMESTAMP);

    private final Path file;

    SpecNodes(Path file) {
        this.file = file;
    }

    /** snakeyaml marks are 0-based; spec errors and {@link Spec.Mark} are 1-based. */
    static Spec.Mark mark(Mark m) {
        return m == null ? new Spec.Mark(1, 1) : new Spec.Mark(m.getLine() + 1, m.getColumn() + 1);
    }

    static Spec.Mark mark(Node n) {
        return mark(n.getStartMark());
    }

    SpecError error(Node at, String message) {
        Spec.Mark m = mark(at);
        return new SpecError(file, m.line(), m.column(), oneLine(message));
    }

    /**
     * The entries of a mapping by key, in file order. With {@code known} non-null, a key outside
     * it is an error (with a suggestion when one is close); a key given twice always is, since
     * the composer keeps both and a silent "last one wins" would hide a typo'd entry.
     */
    Map<String, NodeTuple> entries(Node node, String what, List<String> known) throws SpecError {
        MappingNode m = mapping(node, what);
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (k.getTag().equals(Tag.MERGE)) throw error(k, "merge keys ('<<') are not supported in " + what);
            String key = string(k, "a key in " + what);
            if (known != null && !known.contains(key)) {
                throw error(k, "unknown key " + quote(key) + " in " + what + suggestion(key, known));
            }
            NodeTuple first = out.putIfAbsent(key, t);
            if (first != null) {
                throw error(k, "duplicate key " + quote(key) + " in " + what + " (first at line "
                        + mark(first.getKeyNode()).line() + ")");
            }
        }
        return out;
    }

    MappingNode mapping(Node n, String what) throws SpecError {
        if (n instanceof MappingNode m && m.getTag().equals(Tag.MAP)) return m;
        throw error(n, what + " must be a mapping, found " + kind(n));
    }

    /** The items of a list; a key with no value ({@code fields:}) is an empty list. */
    List<Node> list(Node n, String what, String example) throws SpecError {
        if (isNull(n)) return List.of();
        if (n instanceof SequenceNode s && s.getTag().equals(Tag.SEQ)) return s.getValue();
        throw error(n, what + " must be a list" + (example == null ? "" : ", e.g. " + example) + ", found " + kind(n));
    }

    /** A non-empty one-line string, stripped of surrounding blanks. */
    String string(Node n, String what) throws SpecError {
        if (isNull(n)) throw error(n, what + " has no value");
        if (!(n instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) {
            // plain yes/no/on/off, numbers and dates resolve to other types in YAML 1.1
            String hint = n instanceof ScalarNode && IMPLICIT_SCALARS.contains(n.getTag()) ? " (quote it to use it as text)" : "";
            throw error(n, what + " must be a string, found " + kind(n) + hint);
        }
        String v = s.getValue().strip();
        if (v.isEmpty()) throw error(n, what + " must not be empty");
        if (v.contains("\n") || v.contains("\r")) throw error(n, what + " must be on one line");
        return v;
    }

    /** The value of a key an entry must have. */
    Node required(Map<String, NodeTuple> entries, String key, Node entry, String what) throws SpecError {
        NodeTuple t = entries.get(key);
        if (t == null) throw error(entry, what + " is missing " + quote(key));
        return t.getValueNode();
    }

    static Node optional(Map<String, NodeTuple> entries, String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode && n.getTag().equals(Tag.NULL);
    }

    /** What a node is, for "found ..." in messages. */
    static String kind(Node n) {
        if (n instanceof MappingNode) return n.getTag().equals(Tag.MAP) ? "a mapping" : "a mapping tagged " + n.getTag();
        if (n instanceof SequenceNode) return n.getTag().equals(Tag.SEQ) ? "a list" : "a list tagged " + n.getTag();
        if (!(n instanceof ScalarNode s)) return "an alias";
        Tag t = s.getTag();
        if (t.equals(Tag.NULL)) return "no value";
        if (t.equals(Tag.STR)) return "a string " + quote(s.getValue());
        if (t.equals(Tag.INT) || t.equals(Tag.FLOAT)) return "the number " + quote(s.getValue());
        if (t.equals(Tag.BOOL)) return "the boolean " + quote(s.getValue());
        if (t.equals(Tag.TIMESTAMP)) return "the date " + quote(s.getValue());
        return "a value tagged " + t;
    }

    /** A user-supplied text in a message: quoted, on one line, and not too long. */
    static String quote(String s) {
        String t = oneLine(s);
        return "'" + (t.length() > MAX_QUOTED ? t.substring(0, MAX_QUOTED) + "..." : t) + "'";
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** " (did you mean 'guarded_by'?)" for a near miss, else the keys that are allowed. */
    static String suggestion(String key, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(key.toLowerCase(java.util.Locale.ROOT), k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        // short keys get one edit, longer ones a third of their length: "guarded" -> "guarded_by"
        int allowed = Math.max(key.length(), best == null ? 0 : best.length()) <= 3 ? 1
                : Math.max(2, Math.max(key.length(), best.length()) / 3);
        if (best != null && bestDistance <= allowed) return " (did you mean " + quote(best) + "?)";
        return " (expected one of: " + String.join(", ", known) + ")";
    }

    /** Levenshtein distance, with an adjacent swap counted as one edit ("requries"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
