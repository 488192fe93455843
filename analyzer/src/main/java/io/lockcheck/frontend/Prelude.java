package io.lockcheck.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The kernel prelude: macro definitions that give real kernel idioms a shape CDT can parse
 * without headers, while keeping lock APIs as ordinary calls the lowering can recognise.
 * Names starting with {@code __lockcheck_} are markers the lowering understands.
 */
public final class Prelude {
    public static final String PATH = "/lockcheck/kernel-prelude.h";
    private static final char[] TEXT = load();

    private Prelude() {
    }

    public static char[] text() {
        return TEXT;
    }

    private static char[] load() {
        try (InputStream in = Prelude.class.getResourceAsStream("kernel-prelude.h")) {
            if (in == null) {
                throw new IllegalStateException("kernel-prelude.h missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
