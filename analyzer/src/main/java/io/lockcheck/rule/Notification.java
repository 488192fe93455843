package io.lockcheck.rule;

import java.nio.file.Path;

/**
 * Something the tool could not do: a file it could not read or parse, a function it cut short.
 * Becomes a SARIF toolExecutionNotification and a one-line message in text output.
 * {@code file} may be null for run-wide notifications.
 */
public record Notification(Level level, Path file, String message) implements Comparable<Notification> {
    @Override
    public int compareTo(Notification o) {
        String a = file == null ? "" : file.toString();
        String b = o.file == null ? "" : o.file.toString();
        int c = a.compareTo(b);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override
    public String toString() {
        return (file == null ? "lockcheck" : file.toString()) + ": " + level.word() + ": " + message;
    }
}
