package io.lockcheck.cfg;

/**
 * Names and expression texts: bounded in length, spaces collapsed, and shared, one instance per
 * distinct text in the JVM. Every CFG of a run stays in
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

    static final int MAX_TEXT = 240;

    /**
     * {@code s}, or its start and a hash of the rest when longer than {@link #MAX_TEXT}: texts
     * name values and go into messages, and every nested expression keeps its own, so 10,000
     * nested calls on one line would otherwise keep gigabytes of text.
     */
    static String bounded(String s) {
        if (s.length() <= MAX_TEXT) return s;
        return s.substring(0, MAX_TEXT - 20) + "...#" + Integer.toHexString(s.hashCode()) + Integer.toHexString(s.length());
    }

    /** {@code s.replaceAll("\\s+", " ")} without a regex: this runs for every expression lowered. */
    static String collapseSpaces(String s) {
        StringBuilder b = null;
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = isSpace(c);
            // the first change: a space that is not ' ', or the start of a run of spaces
            if (b == null && space && (c != ' ' || i + 1 < s.length() && isSpace(s.charAt(i + 1)))) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                if (!space) b.append(c);
                else if (!inRun) b.append(' ');
            }
            inRun = space;
        }
        return b == null ? s : b.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
