package io.lockcheck.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Which build of lockcheck (analyzer and rules) is running, so that cache entries of another
 * build are never read: for a jar its path, size and modification time; for class directories
 * (tests, an IDE) the name, size and time of every file in them.
 */
final class BuildId {
    private BuildId() {
    }

    /** The identity of the code of these classes; null when a location cannot be read. */
    static String of(Collection<Class<?>> classes) {
        TreeSet<String> locations = new TreeSet<>();
        for (Class<?> c : classes) {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) return null;
            try {
                locations.add(Path.of(cs.getLocation().toURI()).toString());
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return null;
            }
        }
        Digest d = new Digest();
        for (String l : locations) {
            Path p = Path.of(l);
            try {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.walk(p)) {
                        for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                            d.add(f.toString()).add(Files.size(f) + ":" + Files.getLastModifiedTime(f).toMillis());
                        }
                    }
                } else {
                    d.add(l).add(Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis());
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                return null;
            }
        }
        return d.hex();
    }

    /** True when every class comes from a jar: the product, as opposed to a development build. */
    static boolean fromJars(Collection<Class<?>> classes) {
        for (Class<?> c : classes) {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null || !cs.getLocation().getPath().endsWith(".jar")) return false;
        }
        return true;
    }
}
