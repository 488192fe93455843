package io.lockcheck.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Iterator;

/** The report formats of {@code check --format}, spelt as the user types them. */
enum OutputFormat {
    TEXT("text"), GCC("gcc"), SARIF("sarif");

    private final String word;

    OutputFormat(String word) {
        this.word = word;
    }

    /** The name {@code Reports.forFormat} knows the format by. */
    String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }

    static final class Converter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat f : values()) {
                if (f.word.equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new TypeConversionException("expected text, gcc or sarif but was '" + value + "'");
        }
    }

    /** Lets {@code ${COMPLETION-CANDIDATES}} in the help show the lower-case words. */
    static final class Words implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(OutputFormat::word).iterator();
        }
    }
}
