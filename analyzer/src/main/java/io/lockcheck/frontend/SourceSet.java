package io.lockcheck.frontend;

import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The C files named by the user's paths: files as given, directories searched for {@code *.c}.
 * Symbolic links met in a directory are followed only while they stay inside the boundary (the
 * {@code --srcroot}, else the directory given): a link out of it is skipped with a notification
 * unless {@code followSymlinks}, so a checkout cannot make lockcheck read (and quote in its
 * report) files elsewhere on the machine. Link loops end: a directory is entered once, and a
 * file reached twice is analysed once. Sorted so the run does not depend on the order paths
 * were given in.
 */
public final class SourceSet {
    private SourceSet() {
    }

    public record Expanded(List<Path> files, List<Notification> notifications) {
    }

    public static Expanded expand(List<Path> paths) {
        return expand(paths, null, false);
    }

    public static Expanded expand(List<Path> paths, Path srcroot, boolean followSymlinks) {
        Walk walk = new Walk(srcroot == null ? null : realOrSelf(srcroot), followSymlinks);
        for (Path p : paths) walk.top(p.normalize());
        return new Expanded(List.copyOf(new java.util.TreeSet<>(walk.files.values())), walk.notes);
    }

    /** One expansion: the files found (by real path, so each is analysed once) and what was skipped. */
    private static final class Walk {
        private final Path srcroot;
        private final boolean follow;
        private final TreeMap<Path, Path> files = new TreeMap<>();  // real path -> path as found
        private final Set<Path> seenDirs = new HashSet<>();
        private final List<Notification> notes = new ArrayList<>();

        Walk(Path srcroot, boolean follow) {
            this.srcroot = srcroot;
            this.follow = follow;
        }

        void top(Path p) {
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                notes.add(new Notification(Level.ERROR, p, "no such file or directory"));
                return;
            }
            Path real;
            try {
                real = p.toRealPath();
            } catch (IOException e) {
                notes.add(new Notification(Level.ERROR, p, "cannot resolve: " + message(e)));
                return;
            }
            if (Files.isSymbolicLink(p) && srcroot != null && !real.startsWith(srcroot) && !follow) {
                notes.add(outside(p, real, "--srcroot"));
                return;
            }
            if (Files.isDirectory(real)) {
                int before = files.size();
                boolean underRoot = srcroot != null && real.startsWith(srcroot);
                directory(p, underRoot ? srcroot : real, underRoot ? "--srcroot" : "the directory given");
                if (files.size() == before) notes.add(new Notification(Level.WARNING, p, "no C files found"));
            } else {
                add(real, p); // named by the user: FileFacts says what is wrong with it, if anything
            }
        }

        /** Every {@code *.c} under {@code dir}, iteratively (directory trees can be deep). */
        private void directory(Path dir, Path boundary, String boundaryName) {
            Deque<Path> todo = new ArrayDeque<>();
            todo.push(dir);
            while (!todo.isEmpty()) {
                Path d = todo.pop();
                try {
                    if (!seenDirs.add(d.toRealPath())) continue; // a link loop, or a directory linked twice
                } catch (IOException e) {
                    notes.add(new Notification(Level.ERROR, d, "cannot list directory: " + message(e)));
                    continue;
                }
                List<Path> entries = new ArrayList<>();
                try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                    s.forEach(entries::add);
                } catch (IOException | java.nio.file.DirectoryIteratorException e) {
                    notes.add(new Notification(Level.ERROR, d, "cannot list directory: " + message(e)));
                    continue;
                }
                entries.sort(null);
                for (int i = entries.size() - 1; i >= 0; i--) entry(entries.get(i), boundary, boundaryName, todo);
            }
        }

        private void entry(Path e, Path boundary, String boundaryName, Deque<Path> todo) {
            boolean c = e.getFileName().toString().endsWith(".c");
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(e, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException x) {
                return; // vanished while we looked
            }
            Path real = e;
            if (a.isSymbolicLink()) {
                try {
                    real = e.toRealPath();
                    a = Files.readAttributes(real, BasicFileAttributes.class);
                } catch (IOException x) {
                    if (c) notes.add(new Notification(Level.WARNING, e, "broken symbolic link: " + message(x) + "; skipped"));
                    return;
                }
                if (!real.startsWith(boundary) && !follow && (a.isDirectory() || c)) {
                    notes.add(outside(e, real, boundaryName));
                    return;
                }
            }
            if (a.isDirectory()) {
                todo.push(e);
            } else if (c && a.isRegularFile()) {
                try {
                    add(e.toRealPath(), e); // inside a linked directory, real paths tell duplicates apart
                } catch (IOException x) {
                    add(real, e);
                }
            } else if (c) {
                notes.add(new Notification(Level.WARNING, e, "not a regular file (a FIFO, socket or device); skipped"));
            }
        }

        private void add(Path real, Path found) {
            files.merge(real, found, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }

        private static Notification outside(Path link, Path real, String boundaryName) {
            return new Notification(Level.WARNING, link, "symbolic link to " + real + ", outside " + boundaryName
                    + "; skipped (--follow-symlinks follows it)");
        }
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    static String message(Exception e) {
        Throwable t = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        if (t instanceof java.nio.file.DirectoryIteratorException d) t = d.getCause();
        String m = t instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason() : t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
