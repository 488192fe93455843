package io.lockcheck.suppress;

import io.lockcheck.frontend.SourceText;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.RuleInfo;
import io.lockcheck.rule.SuppressedFinding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the {@code lockcheck: ignore} comments of the files that have findings: a finding on a
 * line a comment with a reason covers, for one of the rules it names, moves to the suppressed
 * list. A comment without a reason, or naming a rule that does not exist, is a warning
 * notification at the comment's line.
 */
public final class Suppressions {
    /** Lower-case rule id or name to rule id, for every installed rule. */
    private final Map<String, String> ruleIds = new HashMap<>();

    public Suppressions(List<RuleInfo> installed) {
        for (RuleInfo r : installed) {
            ruleIds.put(r.id().toLowerCase(Locale.ROOT), r.id());
            ruleIds.put(r.name().toLowerCase(Locale.ROOT), r.id());
        }
    }

    /** The findings left to report, the suppressed ones, and what was wrong with the comments. */
    public record Outcome(List<Finding> kept, List<SuppressedFinding> suppressed, List<Notification> notifications) {
    }

    /** {@code findings} in, same order out; files that cannot be read again suppress nothing. */
    public Outcome apply(List<Finding> findings) {
        Map<Path, List<SuppressionComment>> byFile = new LinkedHashMap<>();
        List<Notification> notes = new ArrayList<>();
        for (Finding f : findings) {
            byFile.computeIfAbsent(f.location().file(), file -> read(file, notes));
        }
        List<Finding> kept = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (Finding f : findings) {
            SuppressionComment c = matching(byFile.get(f.location().file()), f);
            if (c == null) {
                kept.add(f);
            } else {
                suppressed.add(new SuppressedFinding(f, c.reason(), Location.point(f.location().file(), c.line(), 0)));
            }
        }
        return new Outcome(kept, suppressed, notes);
    }

    private SuppressionComment matching(List<SuppressionComment> comments, Finding f) {
        for (SuppressionComment c : comments) {
            if (c.reason() == null || c.covers() != f.location().line()) continue;
            for (String r : c.rules()) {
                if (f.ruleId().equals(ruleIds.get(r.toLowerCase(Locale.ROOT)))) return c;
            }
        }
        return null;
    }

    private List<SuppressionComment> read(Path file, List<Notification> notes) {
        List<SuppressionComment> comments;
        try {
            comments = SuppressionComment.in(SourceText.read(file));
        } catch (IOException e) {
            return List.of(); // the analysis read it a moment ago; a file that vanished keeps its findings
        }
        for (SuppressionComment c : comments) {
            if (c.rules().isEmpty()) {
                notes.add(warning(file, c, "suppression comment names no rule; write 'lockcheck: ignore LC001 -- reason'"));
            }
            for (String r : c.rules()) {
                if (!ruleIds.containsKey(r.toLowerCase(Locale.ROOT))) {
                    notes.add(warning(file, c, "suppression comment names unknown rule '" + r + "'"));
                }
            }
            if (c.reason() == null && !c.rules().isEmpty()) {
                notes.add(warning(file, c, "suppression comment has no reason, so it suppresses nothing; "
                        + "say why after '--': 'lockcheck: ignore " + String.join(", ", c.rules()) + " -- reason'"));
            }
        }
        return comments;
    }

    private static Notification warning(Path file, SuppressionComment c, String message) {
        return new Notification(Level.WARNING, file, message, c.line());
    }
}
