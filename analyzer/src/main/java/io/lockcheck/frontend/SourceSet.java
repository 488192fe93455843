package io.lockcheck.frontend;

import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The C files named by the user's paths: files as given, directories searched for {@code *.c}
 * without following symbolic links (a kernel tree has link loops in some configurations).
 * Sorted and de-duplicated so the run does not depend on the order paths were given in.
 */
public final class SourceSet {
    private SourceSet() {
    }

    public record Expanded(List<Path> files, List<Notification> notifications) {
    }

    public static Expanded expand(List<Path> paths) {
        TreeSet<Path> files = new TreeSet<>();
        List<Notification> notes = new ArrayList<>();
        for (Path p : paths) {
            Path n = p.normalize();
            if (!Files.exists(n, LinkOption.NOFOLLOW_LINKS)) {
                notes.add(new Notification(Level.ERROR, n, "no such file or directory"));
            } else if (Files.isDirectory(n)) {
                int before = files.size();
                try (Stream<Path> s = Files.walk(n)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".c"))
                            .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                            .forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    notes.add(new Notification(Level.ERROR, n, "cannot list directory: " + message(e)));
                }
                if (files.size() == before) {
                    notes.add(new Notification(Level.WARNING, n, "no C files found"));
                }
            } else {
                files.add(n);
            }
        }
        return new Expanded(List.copyOf(files), notes);
    }

    static String message(Exception e) {
        Throwable t = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
