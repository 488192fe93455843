package io.lockcheck.rule;

import java.nio.file.Path;

/**
 * A source region. Lines are 1-based; columns are 1-based UTF-16 code units (SARIF's default
 * column kind). {@code file} is the path as the user named it, normalised.
 */
public record Location(Path file, int line, int column, int endLine, int endColumn) implements Comparable<Location> {

    public static Location point(Path file, int line, int column) {
        return new Location(file, line, column, line, column);
    }

    @Override
    public int compareTo(Location o) {
        int c = file.toString().compareTo(o.file.toString());
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        if (c != 0) return c;
        return Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
