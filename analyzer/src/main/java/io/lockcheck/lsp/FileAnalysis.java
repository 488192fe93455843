package io.lockcheck.lsp;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import io.lockcheck.frontend.SourceText;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.Rule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One analysis for an editor: the file, with the other {@code .c} files of its directory as
 * context (contracts of the functions it calls, callers' locks, guards inferred from every
 * write), and only the file's own findings kept. A kernel driver's directory is the unit whose
 * static functions and lock wrappers call each other, and it is small enough to re-analyse on
 * every save.
 */
final class FileAnalysis {
    /**
     * The findings and notifications of one file. {@code analysed} is where its text was read
     * from: the file itself, or a private copy of an editor buffer that differs from the disk.
     */
    record Outcome(Path file, Path analysed, List<Finding> findings, List<Notification> notifications) {
        Outcome {
            findings = List.copyOf(findings);
            notifications = List.copyOf(notifications);
        }
    }

    private final List<Rule> rules;
    private final AnalyzerOptions options;
    private final AnalysisScope scope;

    FileAnalysis(List<Rule> rules, AnalyzerOptions options, AnalysisScope scope) {
        this.rules = List.copyOf(rules);
        this.options = options;
        this.scope = scope;
    }

    /**
     * Analyses {@code file} as it is on disk or, when {@code buffer} is given and differs from
     * the disk (an unsaved or not yet created file), the buffer's text under the file's name.
     */
    Outcome analyse(Path file, String buffer) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        List<Path> others = scope == AnalysisScope.DIRECTORY ? siblings(target) : List.of();
        if (buffer == null || sameAsDisk(target, buffer)) {
            return run(target, target, others, options);
        }
        Path dir = Files.createTempDirectory("lockcheck-lsp-");
        Path copy = dir.resolve(target.getFileName());
        try {
            Files.writeString(copy, buffer, StandardCharsets.UTF_8);
            AnalyzerOptions withOwnDir = options;
            if (!options.includeDirs().isEmpty()) {
                // With headers read, '#include "x.h"' looks beside the including file first:
                // that is the original's directory, not the copy's.
                List<Path> dirs = new ArrayList<>();
                dirs.add(target.getParent());
                dirs.addAll(options.includeDirs());
                withOwnDir = options.withIncludeDirs(dirs);
            }
            return run(copy, target, others, withOwnDir);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(dir);
        }
    }

    private Outcome run(Path analysed, Path file, List<Path> others, AnalyzerOptions o) {
        List<Path> paths = new ArrayList<>();
        paths.add(analysed);
        paths.addAll(others);
        AnalysisResult result = new Analyzer(rules, o).analyze(paths);
        List<Finding> own = result.findings().stream().filter(f -> f.location().file().equals(analysed)).toList();
        // Context files' notes (parse problems elsewhere in the directory) would repeat on every save.
        Set<Path> context = Set.copyOf(others);
        List<Notification> notes = result.notifications().stream()
                .filter(n -> n.file() == null || !context.contains(n.file())).toList();
        return new Outcome(file, analysed, own, notes);
    }

    /** The other C files in {@code file}'s directory, sorted; none when it cannot be listed. */
    static List<Path> siblings(Path file) {
        Path dir = file.getParent();
        if (dir == null) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".c"))
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .map(p -> p.toAbsolutePath().normalize())
                    .filter(p -> !p.equals(file))
                    .sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of(); // the file alone still gets its diagnostics
        }
    }

    private static boolean sameAsDisk(Path file, String buffer) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return Arrays.equals(SourceText.read(file).chars(), buffer.toCharArray());
        } catch (IOException e) {
            return false; // unreadable or not text: analyse what the editor shows
        }
    }
}
