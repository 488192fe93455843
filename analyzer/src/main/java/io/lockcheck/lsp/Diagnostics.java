package io.lockcheck.lsp;

import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Step;
import io.lockcheck.rule.ThreadTrace;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Findings as LSP diagnostics. Positions need no conversion of units: a {@link Location}'s
 * columns are UTF-16 code units like LSP's default position encoding; only the base differs
 * (1-based lines and columns, end column exclusive, against LSP's 0-based ones).
 */
final class Diagnostics {
    static final String SOURCE = "lockcheck";

    private Diagnostics() {
    }

    /** {@code uris} names the document of a path: the editor's own URI for the file itself. */
    static Diagnostic of(Finding f, Function<Path, String> uris) {
        Diagnostic d = new Diagnostic(range(f.location()), f.message(), severity(f.level()), SOURCE, f.ruleId());
        List<DiagnosticRelatedInformation> related = related(f, uris);
        if (!related.isEmpty()) {
            d.setRelatedInformation(related);
        }
        return d;
    }

    static Range range(Location l) {
        Position start = new Position(Math.max(0, l.line() - 1), Math.max(0, l.column() - 1));
        Position end = new Position(Math.max(0, l.endLine() - 1), Math.max(0, l.endColumn() - 1));
        boolean backwards = end.getLine() < start.getLine()
                || (end.getLine() == start.getLine() && end.getCharacter() < start.getCharacter());
        return new Range(start, backwards ? start : end);
    }

    static DiagnosticSeverity severity(Level level) {
        return switch (level) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        };
    }

    static MessageType messageType(Level level) {
        return switch (level) {
            case ERROR -> MessageType.Error;
            case WARNING -> MessageType.Warning;
            case NOTE -> MessageType.Info;
        };
    }

    /**
     * The finding's related locations (where the lock was taken, the unlocked load), then its
     * trace steps numbered and labelled by thread as the text report does, so that a race
     * witness reads in interleaving order.
     */
    static List<DiagnosticRelatedInformation> related(Finding f, Function<Path, String> uris) {
        List<DiagnosticRelatedInformation> out = new ArrayList<>();
        for (Step s : f.related()) {
            out.add(info(s, s.message(), uris));
        }
        record Numbered(int order, Step step, String text) {
        }
        List<Numbered> steps = new ArrayList<>();
        int order = 1;
        List<ThreadTrace> flow = f.flow();
        boolean witness = flow.size() > 1;
        for (int t = 0; t < flow.size(); t++) {
            String thread = witness ? "[" + threadLabel(t, flow.get(t)) + "] " : "";
            for (Step s : flow.get(t).steps()) {
                int n = witness && s.order() > 0 ? s.order() : order; // a witness's interleaving
                steps.add(new Numbered(n, s, n + ". " + thread + s.message()));
                order++;
            }
        }
        steps.sort(Comparator.comparingInt(Numbered::order));
        for (Numbered n : steps) {
            out.add(info(n.step(), n.text(), uris));
        }
        return out;
    }

    /** "thread A: drm_gem_lru_scan()", as in the text and SARIF reports. */
    private static String threadLabel(int index, ThreadTrace trace) {
        String letter = index < 26 ? String.valueOf((char) ('A' + index)) : "T" + (index + 1);
        String name = trace.thread() == null ? "" : trace.thread().strip();
        return name.isEmpty() ? "thread " + letter : "thread " + letter + ": " + name;
    }

    private static DiagnosticRelatedInformation info(Step s, String message, Function<Path, String> uris) {
        org.eclipse.lsp4j.Location where = new org.eclipse.lsp4j.Location(uris.apply(s.location().file()),
                range(s.location()));
        return new DiagnosticRelatedInformation(where, message);
    }
}
