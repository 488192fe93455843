package io.lockcheck.cfg;

/**
 * One instance per distinct name or expression text in the JVM. Every CFG of a run stays in
 * memory, and across a tree the same texts recur in every file ({@code dev}, {@code ret},
 * {@code &dev->struct_mutex}): on drivers/gpu/drm they were 230 MB as separate strings, 45 MB
 * shared. The JVM's string table holds them weakly, so a long-lived language server does not
 * keep texts of files it has forgotten.
 */
public final class Texts {
    private Texts() {
    }

    public static String shared(String s) {
        return s == null ? null : s.intern();
    }
}
