package io.lockcheck.cache;

import io.lockcheck.cfg.Cfg;
import io.lockcheck.cfg.Node;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

import static io.lockcheck.cache.RecordCodec.*;

/** The encoding half of {@link RecordCodec}. */
final class RecordWriter {
    final Bytes out = new Bytes();
    final Map<String, Integer> strings = new HashMap<>();
    /** Where new strings go instead of the bytes ({@link Packed}), or null. */
    final List<String> pool;

    RecordWriter(List<String> pool) {
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

    /** A growable byte buffer with varints (unsigned, and zigzag for signed values). */
    static final class Bytes {
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
