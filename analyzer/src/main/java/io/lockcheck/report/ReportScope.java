package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Notification;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which part of an analysis is reported. Context files were analysed only for what they tell
 * about the others (lock contracts of their functions, guards inferred from their writes): their
 * findings and notifications are dropped. With {@code lines}, a finding in a reported file is kept
 * only on one of its listed lines (the lines a change touched).
 *
 * <p>Files are compared as absolute normalised paths, so a finding matches however its file was
 * named, as long as it was named the way it was given to the analyzer.
 */
public final class ReportScope {
    private final Set<Path> context;
    private final Map<Path, BitSet> lines;

    /** @param lines null to keep findings on every line; else per reported file, the lines to keep */
    public ReportScope(Set<Path> context, Map<Path, BitSet> lines) {
        this.context = new HashSet<>();
        context.forEach(p -> this.context.add(key(p)));
        if (lines == null) {
            this.lines = null;
        } else {
            this.lines = new HashMap<>();
            lines.forEach((p, l) -> this.lines.put(key(p), l));
        }
    }

    /** Everything is reported. */
    public static ReportScope everything() {
        return new ReportScope(Set.of(), null);
    }

    public AnalysisResult apply(AnalysisResult result) {
        if (context.isEmpty() && lines == null) {
            return result;
        }
        List<Finding> findings = result.findings().stream().filter(this::reported).toList();
        List<Notification> notes = result.notifications().stream()
                .filter(n -> n.file() == null || !context.contains(key(n.file()))).toList();
        return new AnalysisResult(result.rules(), findings, notes, result.stats());
    }

    private boolean reported(Finding f) {
        Path file = key(f.location().file());
        if (context.contains(file)) {
            return false;
        }
        if (lines == null) {
            return true;
        }
        BitSet changed = lines.get(file);
        return changed != null && changed.get(f.location().line());
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
