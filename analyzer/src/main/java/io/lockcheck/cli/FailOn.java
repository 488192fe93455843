package io.lockcheck.cli;

import io.lockcheck.rule.Level;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --fail-on} threshold: the least severe finding level that makes {@code check} exit
 * 1. {@code none} never fails on findings (analysis failures and usage errors still do).
 */
enum FailOn {
    ERROR("error", Level.ERROR), WARNING("warning", Level.WARNING), NOTE("note", Level.NOTE), NONE("none", null);

    private final String word;
    private final Level threshold;

    FailOn(String word, Level threshold) {
        this.word = word;
        this.threshold = threshold;
    }

    /** True when a finding of this level makes the run fail. */
    boolean failsOn(Level level) {
        return threshold != null && level.atLeast(threshold);
    }

    @Override
    public String toString() {
        return word; // shown as ${DEFAULT-VALUE} in --help
    }

    static final class Converter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            for (FailOn f : values()) {
                if (f.word.equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new TypeConversionException("expected error, warning, note or none but was '" + value + "'");
        }
    }
}
