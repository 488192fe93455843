package io.lockcheck.cache;

import io.lockcheck.cfg.Arg;
import io.lockcheck.cfg.Cfg;
import io.lockcheck.cfg.Edge;
import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.Node;
import io.lockcheck.lock.LockPath;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static io.lockcheck.cache.RecordCodec.*;

/**
 * The decoding half of {@link RecordCodec}: it only instantiates records and enums of
 * {@code io.lockcheck} and fails with {@link RecordCodec.Corrupt} on anything it did not write.
 */
final class RecordReader {
    /**
     * Classes by name once checked. Class.forName and isRecord are calls into the VM: per decoded
     * record they were nine tenths of the time to decode a file's facts.
     */
    private static final Map<String, Ours> CLASSES = new java.util.concurrent.ConcurrentHashMap<>();

    private record Ours(Class<?> type, boolean isRecord) {
    }

    final byte[] in;
    int pos;
    final List<String> strings = new ArrayList<>();

    final String[] pool;
    private final Map<Object, Object> shared = new java.util.HashMap<>();

    RecordReader(byte[] in, String[] pool) {
        this.in = in;
        this.pool = pool;
    }

    String string() throws Corrupt {
        int ref = varint();
        if (ref > 0) {
            if (ref > strings.size()) throw new Corrupt("bad string reference");
            return strings.get(ref - 1);
        }
        if (pool != null) {
            if (strings.size() >= pool.length) throw new Corrupt("bad string pool");
            String s = pool[strings.size()];
            strings.add(s);
            return s;
        }
        int n = varint();
        if (n < 0 || n > in.length - pos) throw new Corrupt("bad string length");
        String s = new String(in, pos, n, StandardCharsets.UTF_8);
        pos += n;
        strings.add(s);
        return s;
    }

    int count() throws Corrupt {
        int n = varint();
        if (n < 0 || n > in.length - pos) throw new Corrupt("bad count");
        return n;
    }

    Object value(int depth) throws Corrupt {
        if (depth > 200) throw new Corrupt("nesting too deep");
        int tag = varint();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return string();
            case INT:
                return (int) zigzag();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case LONG:
                return zigzag();
            case DOUBLE:
                return Double.longBitsToDouble(zigzag());
            case ENUM:
                return enumValue(ourClass(string()).type(), string());
            case PATH:
                return Path.of(string());
            case LIST: {
                int n = count();
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) l.add(value(depth + 1));
                return l;
            }
            case SET:
            case SORTED_SET: {
                int n = count();
                Set<Object> s = tag == SET ? new LinkedHashSet<>() : new TreeSet<>();
                for (int i = 0; i < n; i++) s.add(value(depth + 1));
                return s;
            }
            case MAP:
            case SORTED_MAP: {
                int n = count();
                Map<Object, Object> m = tag == MAP ? new LinkedHashMap<>() : new TreeMap<>();
                for (int i = 0; i < n; i++) m.put(value(depth + 1), value(depth + 1));
                return m;
            }
            case RECORD:
                return record(depth);
            case CFG:
                return cfg(depth);
            default:
                throw new Corrupt("bad tag " + tag);
        }
    }

    private Object record(int depth) throws Corrupt {
        Ours ours = ourClass(string());
        if (!ours.isRecord()) throw new Corrupt("not a record: " + ours.type().getName());
        Class<?> c = ours.type();
        RecordCodec.Shape s = shape(c);
        int n = varint();
        if (n != s.accessors().length) throw new Corrupt("wrong shape of " + c.getName());
        Object[] args = new Object[n];
        for (int i = 0; i < n; i++) args[i] = value(depth + 1);
        try {
            Object r = s.constructor().newInstance(args);
            // equal paths and arguments of an entry become one object again, as lowering made them (see Paths)
            return r instanceof LockPath || r instanceof Arg ? shared.computeIfAbsent(r, k -> k) : r;
        } catch (ReflectiveOperationException | IllegalArgumentException e) {
            throw new Corrupt("cannot build " + c.getName() + ": " + e);
        }
    }

    @SuppressWarnings("unchecked")
    private Cfg cfg(int depth) throws Corrupt {
        int n = count();
        List<Node> nodes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Node.Kind kind = (Node.Kind) value(depth + 1);
            int line = (int) zigzag();
            String label = (String) value(depth + 1);
            String condVar = (String) value(depth + 1);
            List<Event> events = (List<Event>) value(depth + 1);
            nodes.add(Node.restore(i, kind, line, label, condVar, events));
        }
        List<Edge> edges = (List<Edge>) value(depth + 1);
        for (Edge e : edges) {
            if (e.from() < 0 || e.from() >= n || e.to() < 0 || e.to() >= n) throw new Corrupt("bad edge");
        }
        return Cfg.restore(nodes, edges);
    }

    private static Ours ourClass(String name) throws Corrupt {
        Ours known = CLASSES.get(name);
        if (known != null) return known;
        if (!name.startsWith(PACKAGE)) throw new Corrupt("foreign class " + name);
        try {
            Class<?> c = Class.forName(name, false, RecordCodec.class.getClassLoader());
            if (!c.isRecord() && !c.isEnum()) throw new Corrupt("not a record or enum: " + name);
            Ours ours = new Ours(c, c.isRecord());
            CLASSES.put(name, ours);
            return ours;
        } catch (ClassNotFoundException e) {
            throw new Corrupt("unknown class " + name);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> c, String name) throws Corrupt {
        if (!c.isEnum()) throw new Corrupt("not an enum: " + c.getName());
        try {
            return Enum.valueOf((Class) c, name);
        } catch (IllegalArgumentException e) {
            throw new Corrupt("unknown constant " + name);
        }
    }

    int varint() throws Corrupt {
        long v = zigzagless();
        if (v > Integer.MAX_VALUE) throw new Corrupt("varint overflow");
        return (int) v;
    }

    long zigzag() throws Corrupt {
        long v = zigzagless();
        return (v >>> 1) ^ -(v & 1);
    }

    private long zigzagless() throws Corrupt {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= in.length) throw new Corrupt("truncated");
            byte b = in[pos++];
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) return v;
        }
        throw new Corrupt("varint too long");
    }
}

