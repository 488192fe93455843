package io.lockcheck.report;

import io.lockcheck.frontend.SourceText;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Step;
import io.lockcheck.rule.SuppressedFinding;
import io.lockcheck.rule.ThreadTrace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a column number counts in the text and gcc reports. {@code CHAR}: UTF-16 code units, the
 * analyzer's own unit and SARIF's (for ASCII code the same as bytes, which Vim's {@code %c}
 * expects). {@code DISPLAY}: screen columns as gcc's {@code -fdiagnostics-column-unit=display}
 * counts them: a tab advances to the next multiple of 8, wide (East Asian) characters take two
 * columns, combining marks none.
 */
public enum ColumnUnit {
    CHAR, DISPLAY;

    private static final int TAB_STOP = 8; // gcc's -ftabstop default, and the kernel's tab width

    /** {@code result} with its columns in this unit; files that cannot be read keep theirs. */
    public AnalysisResult apply(AnalysisResult result) {
        if (this == CHAR) {
            return result;
        }
        Map<Path, SourceText> sources = new HashMap<>();
        return result.withFindings(result.findings().stream().map(f -> convert(f, sources)).toList())
                .withSuppressed(result.suppressed().stream()
                        .map(s -> new SuppressedFinding(convert(s.finding(), sources), s.justification(), s.comment()))
                        .toList());
    }

    private static Finding convert(Finding f, Map<Path, SourceText> sources) {
        List<Step> related = f.related().stream().map(s -> convert(s, sources)).toList();
        List<ThreadTrace> flow = f.flow().stream()
                .map(t -> new ThreadTrace(t.thread(), t.steps().stream().map(s -> convert(s, sources)).toList()))
                .toList();
        return new Finding(f.ruleId(), f.level(), convert(f.location(), sources), f.message(), f.function(), related,
                flow, f.properties(), f.fix(), f.fingerprint());
    }

    private static Step convert(Step s, Map<Path, SourceText> sources) {
        return new Step(convert(s.location(), sources), s.message(), s.order());
    }

    private static Location convert(Location l, Map<Path, SourceText> sources) {
        SourceText src = sources.computeIfAbsent(l.file(), ColumnUnit::read);
        if (src == null) {
            return l;
        }
        return new Location(l.file(), l.line(), display(src.lineText(l.line()), l.column()),
                l.endLine(), display(src.lineText(l.endLine()), l.endColumn()));
    }

    private static SourceText read(Path file) {
        try {
            return SourceText.read(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The 1-based display column of the 1-based UTF-16 column {@code column} of {@code line}. */
    static int display(String line, int column) {
        if (column < 1) {
            return column; // unknown stays unknown
        }
        int end = Math.min(column - 1, line.length());
        int col = 0;
        for (int i = 0; i < end; ) {
            int cp = line.codePointAt(i);
            col = cp == '\t' ? (col / TAB_STOP + 1) * TAB_STOP : col + width(cp);
            i += Character.charCount(cp);
        }
        return col + 1 + Math.max(0, column - 1 - line.length()); // past the end: one column per unit
    }

    /** Columns a code point takes on a terminal, after Markus Kuhn's wcwidth(). */
    static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        boolean wide = cp >= 0x1100 && (cp <= 0x115f || cp == 0x2329 || cp == 0x232a
                || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) || (cp >= 0xac00 && cp <= 0xd7a3)
                || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe10 && cp <= 0xfe19) || (cp >= 0xfe30 && cp <= 0xfe6f)
                || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f)
                || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd));
        return wide ? 2 : 1;
    }
}
