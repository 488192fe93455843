package io.lockcheck.frontend.precise;

import org.eclipse.cdt.internal.core.dom.IIncludeFileResolutionHeuristics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Stands in for the {@code -I} flags of driver Makefiles ({@code ccflags-y += -I$(src)/...}),
 * which precise mode does not read: an include that the search path cannot find is looked up
 * among the headers of the driver's subsystem ({@code drivers/gpu} for DRM), by its path suffix;
 * of several matches the one nearest the including file wins. Indexes are built once per run.
 */
final class DriverIncludes implements IIncludeFileResolutionHeuristics {
    private final Path tree;
    private final Map<Path, Map<String, List<Path>>> indexes = new ConcurrentHashMap<>();

    DriverIncludes(Path tree) {
        this.tree = tree;
    }

    @Override
    public String findInclusion(String include, String currentFile) {
        if (tree == null || currentFile == null || include.startsWith("/")) return null;
        Path from = Path.of(currentFile).toAbsolutePath().normalize();
        Path root = subsystem(from);
        if (root == null) return null;
        String name = include.substring(include.lastIndexOf('/') + 1);
        List<Path> candidates = indexes.computeIfAbsent(root, DriverIncludes::index).getOrDefault(name, List.of());
        String suffix = "/" + include;
        return candidates.stream()
                .filter(p -> p.toString().endsWith(suffix))
                .max(Comparator.comparingInt((Path p) -> commonPrefix(p, from)).thenComparing(p -> -p.getNameCount()))
                .map(Path::toString)
                .orElse(null);
    }

    /** drivers/X/Y of a file under tree/drivers, else null. */
    private Path subsystem(Path file) {
        Path drivers = tree.resolve("drivers");
        if (!file.startsWith(drivers)) return null;
        Path rel = drivers.relativize(file);
        return rel.getNameCount() < 3 ? null : drivers.resolve(rel.subpath(0, 2));
    }

    private static int commonPrefix(Path a, Path b) {
        int n = 0;
        while (n < a.getNameCount() && n < b.getNameCount() && a.getName(n).equals(b.getName(n))) n++;
        return n;
    }

    private static Map<String, List<Path>> index(Path root) {
        Map<String, List<Path>> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> p.getFileName().toString().endsWith(".h") && Files.isRegularFile(p))
                    .forEach(p -> out.computeIfAbsent(p.getFileName().toString(), k -> new ArrayList<>()).add(p));
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
        return out;
    }
}
