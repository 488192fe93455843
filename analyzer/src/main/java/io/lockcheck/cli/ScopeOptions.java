package io.lockcheck.cli;

import io.lockcheck.frontend.SourceSet;
import io.lockcheck.report.ReportScope;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code check}'s options that choose what is reported: the C files and lines a git change
 * touches, and context files that are analysed for what they tell about the reported ones (lock
 * contracts of their functions, guards inferred from their writes) but not reported themselves.
 */
final class ScopeOptions {
    @Option(names = "--changed", arity = "0..1", paramLabel = "REV", fallbackValue = "HEAD",
            description = "Report only the C files changed against git revision REV (default: HEAD): staged and "
                    + "unstaged edits and untracked files. PATHs, if given, narrow the set. A PATH right after "
                    + "--changed is taken for REV: write --changed HEAD PATH.")
    String changed;

    @Option(names = "--staged", description = "Like --changed, but only what is staged for the next commit "
            + "(untracked files left out): for a plain git pre-commit hook.")
    boolean staged;

    @Option(names = "--diff-only", description = "Report only findings on lines changed against REV "
            + "(implies --changed).")
    boolean diffOnly;

    @Option(names = "--context", paramLabel = "PATH", description = "Also analyse PATH (file or directory) for "
            + "its lock contracts and guards, without reporting its findings; repeatable.")
    List<Path> context = new ArrayList<>();

    @Option(names = "--sibling-context", negatable = true, description = "Use the other *.c files in each "
            + "reported file's directory as context (default: on with --changed, --staged or --diff-only; "
            + "off otherwise).")
    Boolean siblingContext;

    /** A usage error of these options, one line. */
    static final class ScopeError extends Exception {
        ScopeError(String message) {
            super(message);
        }
    }

    /** What to give the analyzer and what of its result to report. */
    record AnalysisScope(List<Path> analysed, ReportScope report, String notice) {
    }

    /** The revision a git option compares against; null when none was given. */
    String revision() {
        if (changed != null) return changed;
        return staged || diffOnly ? "HEAD" : null;
    }

    private boolean siblings() {
        return siblingContext != null ? siblingContext : revision() != null;
    }

    /**
     * The scope for the user's {@code paths} that exist; {@code pathsGiven} says whether any
     * were named (when all were missing, --changed must not widen to the whole work tree).
     * Warnings go to {@code err}.
     */
    AnalysisScope resolve(List<Path> paths, boolean pathsGiven, PrintWriter err) throws ScopeError {
        List<Path> contextFiles = contextFiles(err);
        String rev = revision();
        if (rev == null && contextFiles.isEmpty() && !siblings()) {
            return new AnalysisScope(paths, ReportScope.everything(), null);
        }
        List<Path> reported;
        List<Path> analysed;
        Map<Path, BitSet> lines = null;
        if (rev == null) {
            reported = SourceSet.expand(paths).files();
            analysed = new ArrayList<>(paths);
        } else if (pathsGiven && paths.isEmpty()) {
            return new AnalysisScope(List.of(), ReportScope.everything(), null); // each missing PATH was reported
        } else {
            ChangedFiles change;
            try {
                change = ChangedFiles.against(Git.of(gitDirectory(paths)), rev, staged, diffOnly);
            } catch (Git.GitError e) {
                throw new ScopeError("--changed: " + e.getMessage() + pathHint(rev));
            }
            Path cwd = real(Path.of(""));
            reported = change.files().stream().filter(f -> under(f, paths)).map(f -> display(f, cwd)).toList();
            if (reported.isEmpty()) {
                return new AnalysisScope(List.of(), ReportScope.everything(), "no C files changed against " + rev);
            }
            for (Path f : change.alsoUnstaged()) {
                if (under(f, paths)) {
                    err.println("lockcheck: warning: " + display(f, cwd)
                            + " also has unstaged edits; the working-tree version is checked");
                }
            }
            if (diffOnly) {
                lines = new HashMap<>();
                for (Map.Entry<Path, BitSet> e : change.lines().entrySet()) lines.put(display(e.getKey(), cwd), e.getValue());
            }
            analysed = new ArrayList<>(reported);
        }
        // context: siblings and --context, each file once and never a reported file
        Set<Path> seen = new HashSet<>();
        reported.forEach(f -> seen.add(real(f)));
        LinkedHashSet<Path> candidates = new LinkedHashSet<>();
        if (siblings()) {
            for (Path f : reported) candidates.addAll(siblingsOf(f));
        }
        candidates.addAll(contextFiles);
        List<Path> contextList = candidates.stream().filter(c -> seen.add(real(c))).toList();
        analysed.addAll(contextList);
        return new AnalysisScope(analysed, new ReportScope(Set.copyOf(contextList), lines), null);
    }

    /** The --context paths as files; a missing one is a usage error. */
    private List<Path> contextFiles(PrintWriter err) throws ScopeError {
        for (Path p : context) {
            if (!Files.exists(p)) throw new ScopeError("--context: no such file or directory: " + p);
        }
        SourceSet.Expanded expanded = SourceSet.expand(context);
        expanded.notifications().forEach(n -> err.println("lockcheck: warning: --context " + n.file() + ": " + n.message()));
        return expanded.files();
    }

    /** git runs where the first PATH is (it may be in another work tree than the current directory). */
    private static Path gitDirectory(List<Path> paths) {
        if (paths.isEmpty()) return Path.of("").toAbsolutePath();
        Path first = paths.get(0).toAbsolutePath();
        return Files.isDirectory(first) ? first : first.getParent();
    }

    private static String pathHint(String rev) {
        return Files.exists(Path.of(rev)) ? "; to check changes under a path, write --changed HEAD " + rev : "";
    }

    private static boolean under(Path file, List<Path> paths) {
        return paths.isEmpty() || paths.stream().anyMatch(p -> file.startsWith(real(p)));
    }

    /** Relative to the current directory when inside it (what an editor opens), else absolute. */
    private static Path display(Path file, Path cwd) {
        return file.startsWith(cwd) ? cwd.relativize(file) : file;
    }

    /** The other C files in {@code file}'s directory (not its subdirectories), sorted. */
    static List<Path> siblingsOf(Path file) {
        Path dir = file.getParent() == null ? Path.of("") : file.getParent();
        try (Stream<Path> s = Files.list(dir.toString().isEmpty() ? Path.of(".") : dir)) {
            return s.map(p -> dir.resolve(p.getFileName()))
                    .filter(p -> p.getFileName().toString().endsWith(".c") && !p.equals(file))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // an unreadable directory only costs context
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
