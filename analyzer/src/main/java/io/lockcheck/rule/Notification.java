package io.lockcheck.rule;

import java.nio.file.Path;

/**
 * Something the tool could not do: a file it could not read or parse, a function it cut short,
 * a suppression comment it could not honour. Becomes a SARIF toolExecutionNotification and a
 * one-line message in text output. {@code file} may be null for run-wide notifications;
 * {@code line} is 1-based, or 0 when the notification is about a whole file or the run.
 */
public record Notification(Level level, Path file, String message, int line) implements Comparable<Notification> {

    public Notification(Level level, Path file, String message) {
        this(level, file, message, 0);
    }

    @Override
    public int compareTo(Notification o) {
        String a = file == null ? "" : file.toString();
        String b = o.file == null ? "" : o.file.toString();
        int c = a.compareTo(b);
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        String where = file == null ? "lockcheck" : line > 0 ? file + ":" + line : file.toString();
        return where + ": " + level.word() + ": " + message;
    }
}
