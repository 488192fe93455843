package io.lockcheck.spec;

import java.nio.file.Path;

/** A malformed spec file: reported as one line {@code file:line:col: message}, exit code 2. */
public final class SpecError extends Exception {
    private final Path file;
    private final int line;
    private final int column;

    public SpecError(Path file, int line, int column, String message) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The one-line form: {@code specs/my.yaml:12:5: unknown key 'guarded'}. */
    public String oneLine() {
        return file + ":" + line + ":" + column + ": " + getMessage();
    }
}
