package io.lockcheck.cache;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A compact binary form of lockcheck's own immutable data: records and enums of
 * {@code io.lockcheck}, strings, boxed primitives, paths, lists, sets, maps and CFGs. Works
 * from the record components, so a record that gains a component needs no change here (the
 * cache key includes the build, so old entries are never read by new code). Strings and class
 * names are written once per entry and referenced after that, which also makes a decoded entry
 * share its repeated strings. {@link RecordWriter} encodes, {@link RecordReader} decodes.
 */
final class RecordCodec {
    static final int NULL = 0, STRING = 1, INT = 2, TRUE = 3, FALSE = 4, LONG = 5, DOUBLE = 6, ENUM = 7,
            PATH = 8, LIST = 9, SET = 10, SORTED_SET = 11, MAP = 12, SORTED_MAP = 13, RECORD = 14, CFG = 15;
    static final String PACKAGE = "io.lockcheck.";

    /** An entry that is not something this build wrote: treated as a cache miss. */
    static final class Corrupt extends Exception {
        Corrupt(String message) {
            super(message);
        }
    }

    record Shape(Method[] accessors, Constructor<?> constructor) {
    }

    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RecordCodec() {
    }

    static byte[] encode(Object value) {
        RecordWriter w = new RecordWriter(null);
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
        RecordWriter w = new RecordWriter(strings);
        w.value(value);
        return new Packed(w.out.toByteArray(), strings.toArray(new String[0]));
    }

    static Object unpack(Packed p) throws Corrupt {
        return decode(p.bytes(), p.strings());
    }

    private static Object decode(byte[] data, String[] pool) throws Corrupt {
        RecordReader r = new RecordReader(data, pool);
        try {
            Object v = r.value(0);
            if (r.pos != data.length) throw new Corrupt("trailing bytes");
            return v;
        } catch (RuntimeException e) {
            throw new Corrupt("undecodable: " + e);
        }
    }

    static Shape shape(Class<?> c) {
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
}
