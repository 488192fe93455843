package io.lockcheck.rule;

import java.util.List;

/**
 * Everything one run produced, in a stable order: findings and notifications sorted.
 * {@code suppressed} are findings that a comment in the source suppresses; they are not in
 * {@code findings}.
 */
public record AnalysisResult(List<RuleInfo> rules, List<Finding> findings, List<Notification> notifications, Stats stats,
                             List<SuppressedFinding> suppressed) {
    public AnalysisResult {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
        suppressed = List.copyOf(suppressed);
    }

    public AnalysisResult(List<RuleInfo> rules, List<Finding> findings, List<Notification> notifications, Stats stats) {
        this(rules, findings, notifications, stats, List.of());
    }

    public AnalysisResult withFindings(List<Finding> f) {
        return new AnalysisResult(rules, f, notifications, stats, suppressed);
    }

    public AnalysisResult withNotifications(List<Notification> n) {
        return new AnalysisResult(rules, findings, n, stats, suppressed);
    }

    public AnalysisResult withSuppressed(List<SuppressedFinding> s) {
        return new AnalysisResult(rules, findings, notifications, stats, s);
    }

    public AnalysisResult withRules(List<RuleInfo> r) {
        return new AnalysisResult(r, findings, notifications, stats, suppressed);
    }
}
