package io.lockcheck.spec;

import io.lockcheck.lock.LockPath;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the composed node tree of one spec file (format version 1, see SpecLoader) into a
 * {@link Spec}, checking its shape, every name and every lock path on the way. Lock paths are
 * stricter here than {@link LockPath#parse}, which forgives {@code &}, parentheses and blanks
 * in code: in a spec, {@code lru lock} is a typo, not {@code lrulock}.
 */
final class SpecReader {
    static final int VERSION = 1;
    static final List<String> TOP_KEYS = List.of("version", "structs", "fields", "functions", "bindings");
    static final List<String> FIELD_KEYS = List.of("field", "guarded_by", "if_seen", "unless_seen");
    static final List<String> FUNCTION_KEYS = List.of("name", "requires", "acquires", "releases");
    static final List<String> BINDING_KEYS = List.of("function", "binds", "to");

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern PATH = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(?:(?:->|\\.)[A-Za-z_][A-Za-z0-9_]*|\\[[A-Za-z0-9_]+\\])*");
    private static final Pattern GLOBAL = Pattern.compile("global\\s+([A-Za-z_][A-Za-z0-9_]*)");
    /** C type text as the kernel declares a field: "struct drm_gem_lru *", "unsigned long", "u8 [16]". */
    private static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_ *\\[\\](),]*");
    private static final String PATH_SYNTAX =
            "expected identifiers joined by '->' or '.', with optional [N] indexes";

    private final SpecNodes nodes;

    SpecReader(Path file) {
        this.nodes = new SpecNodes(file);
    }

    /** A file with no document (empty, or only comments) is an empty spec: every entry commented out. */
    Spec read(Node root, String source) throws SpecError {
        if (root == null) return new Spec(source, List.of(), List.of(), List.of(), Map.of());
        if (!(root instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            throw nodes.error(root, "a spec must be a mapping with the keys " + String.join(", ", TOP_KEYS)
                    + ", found " + SpecNodes.kind(root));
        }
        Map<String, NodeTuple> top = nodes.entries(root, "the spec", TOP_KEYS);
        Node version = SpecNodes.optional(top, "version");
        if (version != null) checkVersion(version);
        Node structs = SpecNodes.optional(top, "structs");
        Node fields = SpecNodes.optional(top, "fields");
        Node functions = SpecNodes.optional(top, "functions");
        Node bindings = SpecNodes.optional(top, "bindings");
        return new Spec(source, fields == null ? List.of() : fields(fields),
                functions == null ? List.of() : functions(functions),
                bindings == null ? List.of() : bindings(bindings),
                structs == null ? Map.of() : structs(structs));
    }

    private void checkVersion(Node v) throws SpecError {
        if (!(v instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) {
            throw nodes.error(v, "'version' must be the number " + VERSION + ", found " + SpecNodes.kind(v));
        }
        if (!s.getValue().strip().equals(String.valueOf(VERSION))) {
            throw nodes.error(v, "unsupported spec version " + SpecNodes.quote(s.getValue())
                    + " (this lockcheck reads version " + VERSION + ")");
        }
    }

    private Map<String, Map<String, String>> structs(Node n) throws SpecError {
        if (SpecNodes.isNull(n)) return Map.of();
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (NodeTuple s : nodes.entries(n, "'structs'", null).values()) {
            String struct = identifier(s.getKeyNode(), "a struct name in 'structs'");
            String what = "struct " + SpecNodes.quote(struct);
            Map<String, String> fields = new LinkedHashMap<>();
            for (NodeTuple f : nodes.entries(s.getValueNode(), what, null).values()) {
                String field = identifier(f.getKeyNode(), "a field name in " + what);
                String type = nodes.string(f.getValueNode(), "the type of " + SpecNodes.quote(struct + "." + field));
                if (!TYPE.matcher(type).matches()) {
                    throw nodes.error(f.getValueNode(), "malformed C type " + SpecNodes.quote(type) + " for "
                            + SpecNodes.quote(struct + "." + field) + " (e.g. 'struct mutex *', 'long')");
                }
                fields.put(field, type);
            }
            out.put(struct, Collections.unmodifiableMap(fields));
        }
        return out;
    }

    private List<Spec.FieldGuard> fields(Node n) throws SpecError {
        List<Spec.FieldGuard> out = new ArrayList<>();
        Map<String, Spec.Mark> seen = new HashMap<>();
        for (Node item : nodes.list(n, "'fields'", "[{field: my_dev.list, guarded_by: lock}]")) {
            Map<String, NodeTuple> e = nodes.entries(item, "a 'fields' entry", FIELD_KEYS);
            Node fieldNode = nodes.required(e, "field", item, "a 'fields' entry");
            String[] structField = structField(fieldNode);
            String guard = lockPath(nodes.required(e, "guarded_by", item, "a 'fields' entry"), "'guarded_by'", true);
            Node ifSeen = SpecNodes.optional(e, "if_seen");
            Node unlessSeen = SpecNodes.optional(e, "unless_seen");
            if (ifSeen != null && unlessSeen != null) {
                Node later = e.get("if_seen").getKeyNode().getStartMark().getIndex()
                        > e.get("unless_seen").getKeyNode().getStartMark().getIndex()
                        ? e.get("if_seen").getKeyNode() : e.get("unless_seen").getKeyNode();
                throw nodes.error(later, "'if_seen' and 'unless_seen' cannot both be given in one entry");
            }
            String condition = ifSeen != null ? identifier(ifSeen, "'if_seen'")
                    : unlessSeen != null ? "!" + identifier(unlessSeen, "'unless_seen'") : null;
            String key = structField[0] + "." + structField[1] + (condition == null ? "" : " " + condition);
            Spec.Mark first = seen.putIfAbsent(key, SpecNodes.mark(item));
            if (first != null) {
                throw nodes.error(fieldNode, "a second guard for " + SpecNodes.quote(structField[0] + "." + structField[1])
                        + (condition == null ? "" : " under the same condition") + " (first at line " + first.line() + ")");
            }
            out.add(new Spec.FieldGuard(structField[0], structField[1], guard, condition, SpecNodes.mark(item)));
        }
        return out;
    }

    private List<Spec.FunctionContract> functions(Node n) throws SpecError {
        List<Spec.FunctionContract> out = new ArrayList<>();
        Map<String, Spec.Mark> seen = new HashMap<>();
        for (Node item : nodes.list(n, "'functions'", "[{name: my_obj_list_locked, requires: [dev->lock]}]")) {
            Map<String, NodeTuple> e = nodes.entries(item, "a 'functions' entry", FUNCTION_KEYS);
            Node nameNode = nodes.required(e, "name", item, "a 'functions' entry");
            String name = identifier(nameNode, "'name'");
            Spec.Mark first = seen.putIfAbsent(name, SpecNodes.mark(item));
            if (first != null) {
                throw nodes.error(nameNode, "a second contract for " + SpecNodes.quote(name) + " (first at line "
                        + first.line() + ")");
            }
            out.add(new Spec.FunctionContract(name, locks(e, "requires"), locks(e, "acquires"), locks(e, "releases"),
                    SpecNodes.mark(item)));
        }
        return out;
    }

    private List<String> locks(Map<String, NodeTuple> entry, String key) throws SpecError {
        Node n = SpecNodes.optional(entry, key);
        if (n == null) return List.of();
        List<String> out = new ArrayList<>();
        for (Node item : nodes.list(n, SpecNodes.quote(key), "[lru->lock]")) {
            out.add(lockPath(item, "a lock in " + SpecNodes.quote(key), false));
        }
        return out;
    }

    private List<Spec.Binding> bindings(Node n) throws SpecError {
        List<Spec.Binding> out = new ArrayList<>();
        Map<String, Spec.Mark> seen = new HashMap<>();
        for (Node item : nodes.list(n, "'bindings'", "[{function: my_lru_init, binds: lru->lock, to: lock}]")) {
            Map<String, NodeTuple> e = nodes.entries(item, "a 'bindings' entry", BINDING_KEYS);
            String function = identifier(nodes.required(e, "function", item, "a 'bindings' entry"), "'function'");
            Node targetNode = nodes.required(e, "binds", item, "a 'bindings' entry");
            String target = lockPath(targetNode, "'binds'", false);
            if (LockPath.parse(target).segments().isEmpty()) {
                // the target is a lock pointer stored in a parameter's object, e.g. lru->lock
                throw nodes.error(targetNode, "'binds' must name a field reached from a parameter, e.g. 'lru->lock', found "
                        + SpecNodes.quote(target));
            }
            String value = lockPath(nodes.required(e, "to", item, "a 'bindings' entry"), "'to'", false);
            Spec.Mark first = seen.putIfAbsent(function + " " + target, SpecNodes.mark(item));
            if (first != null) {
                throw nodes.error(targetNode, "a second binding of " + SpecNodes.quote(target) + " by "
                        + SpecNodes.quote(function) + " (first at line " + first.line() + ")");
            }
            out.add(new Spec.Binding(function, target, value, SpecNodes.mark(item)));
        }
        return out;
    }

    /** {@code struct.field}, both identifiers. */
    private String[] structField(Node n) throws SpecError {
        String text = nodes.string(n, "'field'");
        String[] parts = text.split("\\.", -1);
        if (parts.length != 2 || !IDENT.matcher(parts[0]).matches() || !IDENT.matcher(parts[1]).matches()) {
            String hint = text.startsWith("struct ") ? " (write the struct name without 'struct ')" : "";
            throw nodes.error(n, "'field' must be 'struct.field', e.g. 'drm_gem_lru.count', found "
                    + SpecNodes.quote(text) + hint);
        }
        return parts;
    }

    private String identifier(Node n, String what) throws SpecError {
        String text = nodes.string(n, what);
        if (!IDENT.matcher(text).matches()) {
            String hint = text.startsWith("struct ") ? " (write the struct name without 'struct ')" : "";
            throw nodes.error(n, what + " must be a C identifier, found " + SpecNodes.quote(text) + hint);
        }
        return text;
    }

    /**
     * A lock path: {@code lock}, {@code lru->lock}, {@code dev->gem_lru_mutex}, {@code slots[2].lock};
     * with {@code allowGlobal}, also {@code global NAME}. Contract and binding paths are matched to
     * call arguments by their root, so a global there would be taken for a parameter.
     */
    private String lockPath(Node n, String what, boolean allowGlobal) throws SpecError {
        String text = nodes.string(n, what);
        var g = GLOBAL.matcher(text);
        if (g.matches()) {
            if (allowGlobal) return "global " + g.group(1);
            throw nodes.error(n, what + " cannot be a global lock: contract and binding paths start at a parameter");
        }
        if (!PATH.matcher(text).matches() || LockPath.parse(text) == null) {
            throw nodes.error(n, "malformed lock path " + SpecNodes.quote(text) + " in " + what + ": " + PATH_SYNTAX
                    + (allowGlobal ? ", or 'global NAME'" : ""));
        }
        return text;
    }
}
