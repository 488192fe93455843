package io.lockcheck.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The macro files served before each C file. {@code lock-shapes.h} keeps lock-relevant kernel
 * idioms as shapes the lowering recognises (names starting with {@code __lockcheck_} are
 * markers it understands); it is used in both modes. Fast mode adds {@code kernel-prelude.h}
 * and {@code drm-prelude.h}, which stand in for the headers it does not read.
 */
public final class Prelude {
    public static final String PATH = "/lockcheck/kernel-prelude.h";
    private static final char[] LOCK_SHAPES = load("lock-shapes.h");
    private static final char[] TEXT = (new String(LOCK_SHAPES) + new String(load("kernel-prelude.h"))
            + new String(load("drm-prelude.h"))).toCharArray();

    private Prelude() {
    }

    /** The whole fast-mode prelude. */
    public static char[] text() {
        return TEXT;
    }

    /** The lock shapes alone (precise mode: real headers stand in for the rest). */
    public static char[] lockShapes() {
        return LOCK_SHAPES;
    }

    private static char[] load(String name) {
        try (InputStream in = Prelude.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
