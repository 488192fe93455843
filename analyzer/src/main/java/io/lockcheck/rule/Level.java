package io.lockcheck.rule;

/** Severity of a finding, ordered from most to least severe (SARIF's levels). */
public enum Level {
    ERROR("error"), WARNING("warning"), NOTE("note");

    private final String word;

    Level(String word) {
        this.word = word;
    }

    /** The SARIF and gcc spelling: error, warning, note. */
    public String word() {
        return word;
    }

    /** True when this level is at least as severe as {@code other}. */
    public boolean atLeast(Level other) {
        return ordinal() <= other.ordinal();
    }

    public static Level parse(String s) {
        for (Level l : values()) {
            if (l.word.equalsIgnoreCase(s)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown level '" + s + "' (expected error, warning or note)");
    }
}
