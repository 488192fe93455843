package io.lockcheck.cache;

import io.lockcheck.cfg.Cfg;
import io.lockcheck.cfg.Edge;
import io.lockcheck.cfg.Event;
import io.lockcheck.cfg.Node;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compact binary form of lockcheck's own immutable data: records and enums of
 * {@code io.lockcheck}, strings, boxed primitives, paths, lists, sets, maps and CFGs. Works
 * from the record components, so a record that gains a component needs no change here (the
 * cache key includes the build, so old entries are never read by new code). Strings and class
 * names are written once per entry and referenced after that, which also makes a decoded entry
 * share its repeated strings. Decoding only instantiates records and enums of {@code io.lockcheck}
 * and fails with {@link Corrupt} on anything it did not write.
 */
final class RecordCodec {
    private static final int NULL = 0, STRING = 1, INT = 2, TRUE = 3, FALSE = 4, LONG = 5, DOUBLE = 6, ENUM = 7,
            PATH = 8, LIST = 9, SET = 10, SORTED_SET = 11, MAP = 12, SORTED_MAP = 13, RECORD = 14, CFG = 15;
    private static final String PACKAGE = "io.lockcheck.";

    /** An entry that is not something this build wrote: treated as a cache miss. */
    static final class Corrupt extends Exception {
        Corrupt(String message) {
            super(message);
        }
    }

    private record Shape(Method[] accessors, Constructor<?> constructor) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();
    /**
     * Classes by name once checked. Class.forName and isRecord are calls into the VM: per decoded
     * record they were nine tenths of the time to decode a file's facts.
     */
    private static final Map<String, Ours> CLASSES = new ConcurrentHashMap<>();

    private record Ours(Class<?> type, boolean isRecord) {
    }

    private RecordCodec() {
    }

    static byte[] encode(Object value) {
        Writer w = new Writer(null);
        w.value(value);
        return w.out.toByteArray();
    }

    static Object decode(byte[] data) throws Corrupt {
        return decode(data, null);
    }

    /**
     * A value kept in memory in this form: its strings are referenced, not written as bytes
     * (names and texts are shared JVM-wide anyway, see {@code Texts}), so unpacking neither
     * decodes nor allocates them.
     */
    record Packed(byte[] bytes, String[] strings) {
    }

    static Packed pack(Object value) {
        List<String> strings = new ArrayList<>();
        Writer w = new Writer(strings);
        w.value(value);
        return new Packed(w.out.toByteArray(), strings.toArray(new String[0]));
    }

    static Object unpack(Packed p) throws Corrupt {
        return decode(p.bytes(), p.strings());
    }

    private static Object decode(byte[] data, String[] pool) throws Corrupt {
        Reader r = new Reader(data, pool);
        try {
            Object v = r.value(0);
            if (r.pos != data.length) throw new Corrupt("trailing bytes");
            return v;
        } catch (RuntimeException e) {
            throw new Corrupt("undecodable: " + e);
        }
    }

    private static Shape shape(Class<?> c) {
        Shape known = SHAPES.get(c); // computeIfAbsent locks the bin even when present: every record decoded
        if (known != null) return known;
        return SHAPES.computeIfAbsent(c, k -> {
            RecordComponent[] rc = k.getRecordComponents();
            Method[] acc = new Method[rc.length];
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                acc[i] = rc[i].getAccessor();
                acc[i].setAccessible(true);
                types[i] = rc[i].getType();
            }
            try {
                Constructor<?> ctor = k.getDeclaredConstructor(types);
                ctor.setAccessible(true);
                return new Shape(acc, ctor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static final class Writer {
        final Bytes out = new Bytes();
        final Map<String, Integer> strings = new HashMap<>();
        /** Where new strings go instead of the bytes ({@link Packed}), or null. */
        final List<String> pool;

        Writer(List<String> pool) {
            this.pool = pool;
        }

        void string(String s) {
            Integer i = strings.get(s);
            if (i != null) {
                out.varint(i + 1);
                return;
            }
            strings.put(s, strings.size());
            out.varint(0);
            if (pool != null) {
                pool.add(s);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.varint(b.length);
            out.bytes(b);
        }

        void value(Object v) {
            if (v == null) {
                out.varint(NULL);
            } else if (v instanceof String s) {
                out.varint(STRING);
                string(s);
            } else if (v instanceof Integer i) {
                out.varint(INT);
                out.zigzag(i);
            } else if (v instanceof Boolean b) {
                out.varint(b ? TRUE : FALSE);
            } else if (v instanceof Long l) {
                out.varint(LONG);
                out.zigzag(l);
            } else if (v instanceof Double d) {
                out.varint(DOUBLE);
                out.zigzag(Double.doubleToRawLongBits(d));
            } else if (v instanceof Enum<?> e) {
                out.varint(ENUM);
                string(e.getDeclaringClass().getName());
                string(e.name());
            } else if (v instanceof Path p) {
                out.varint(PATH);
                string(p.toString());
            } else if (v instanceof List<?> l) {
                out.varint(LIST);
                out.varint(l.size());
                for (Object x : l) value(x);
            } else if (v instanceof Set<?> s) {
                sorted(s instanceof SortedSet<?> ss ? ss.comparator() : null);
                out.varint(s instanceof SortedSet ? SORTED_SET : SET);
                out.varint(s.size());
                for (Object x : s) value(x);
            } else if (v instanceof Map<?, ?> m) {
                sorted(m instanceof SortedMap<?, ?> sm ? sm.comparator() : null);
                out.varint(m instanceof SortedMap ? SORTED_MAP : MAP);
                out.varint(m.size());
                for (var e : m.entrySet()) {
                    value(e.getKey());
                    value(e.getValue());
                }
            } else if (v instanceof Cfg cfg) {
                out.varint(CFG);
                cfg(cfg);
            } else if (v instanceof Record r && r.getClass().getName().startsWith(PACKAGE)) {
                out.varint(RECORD);
                string(r.getClass().getName());
                Method[] acc = shape(r.getClass()).accessors();
                out.varint(acc.length);
                for (Method m : acc) {
                    try {
                        value(m.invoke(r));
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new IllegalStateException(e);
                    }
                }
            } else {
                throw new IllegalArgumentException("cannot encode " + v.getClass().getName());
            }
        }

        private static void sorted(java.util.Comparator<?> c) {
            if (c != null) throw new IllegalArgumentException("cannot encode a custom sort order");
        }

        void cfg(Cfg cfg) {
            out.varint(cfg.nodes().size());
            for (Node n : cfg.nodes()) {
                value(n.kind());
                out.zigzag(n.line());
                value(n.label());
                value(n.condVar());
                value(n.events());
            }
            value(cfg.edges());
        }
    }

    private static final class Reader {
        final byte[] in;
        int pos;
        final List<String> strings = new ArrayList<>();

        final String[] pool;

        Reader(byte[] in, String[] pool) {
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
            Shape s = shape(c);
            int n = varint();
            if (n != s.accessors().length) throw new Corrupt("wrong shape of " + c.getName());
            Object[] args = new Object[n];
            for (int i = 0; i < n; i++) args[i] = value(depth + 1);
            try {
                return s.constructor().newInstance(args);
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

    /** A growable byte buffer with varints (unsigned, and zigzag for signed values). */
    private static final class Bytes {
        private byte[] buf = new byte[4096];
        private int n;

        void varint(long v) {
            while ((v & ~0x7fL) != 0) {
                put((byte) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            put((byte) v);
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void bytes(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }

        private void put(byte b) {
            ensure(1);
            buf[n++] = b;
        }

        private void ensure(int more) {
            if (n + more > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, n);
        }
    }
}
