package io.lockcheck.lsp;

import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleInfo;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hover on a diagnostic: the help of its rule (the same markdown as the SARIF report's
 * {@code rules[].help}), which explains the kernel fact behind it with a bad and a good example.
 */
final class RuleHover {
    private final Map<String, RuleInfo> byId = new LinkedHashMap<>();

    RuleHover(List<Rule> rules) {
        for (Rule r : rules) {
            byId.put(r.info().id(), r.info());
        }
    }

    /** The help of every rule with a diagnostic at {@code p}, or null when there is none. */
    Hover at(List<Diagnostic> diagnostics, Position p) {
        List<String> helps = new ArrayList<>();
        Range range = null;
        for (Diagnostic d : diagnostics) {
            if (!contains(d.getRange(), p) || d.getCode() == null || !d.getCode().isLeft()) {
                continue;
            }
            RuleInfo info = byId.get(d.getCode().getLeft());
            if (info == null) {
                continue;
            }
            String help = info.helpMarkdown().strip();
            if (!helps.contains(help)) {
                helps.add(help);
            }
            if (range == null) {
                range = d.getRange();
            }
        }
        if (helps.isEmpty()) {
            return null;
        }
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, String.join("\n\n---\n\n", helps)), range);
    }

    /** Inclusive of the end, so that a zero-width range can be hovered. */
    static boolean contains(Range r, Position p) {
        return compare(r.getStart(), p) <= 0 && compare(p, r.getEnd()) <= 0;
    }

    private static int compare(Position a, Position b) {
        int c = Integer.compare(a.getLine(), b.getLine());
        return c != 0 ? c : Integer.compare(a.getCharacter(), b.getCharacter());
    }
}
