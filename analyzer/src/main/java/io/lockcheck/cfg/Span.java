package io.lockcheck.cfg;

/** A source region inside the function's file: 1-based lines, 1-based UTF-16 columns. */
public record Span(int line, int column, int endLine, int endColumn) {
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
