package io.lockcheck.rule;

import java.util.List;

/** Everything one run produced, in a stable order: findings and notifications sorted. */
public record AnalysisResult(List<RuleInfo> rules, List<Finding> findings, List<Notification> notifications, Stats stats) {
    public AnalysisResult {
        rules = List.copyOf(rules);
        findings = List.copyOf(findings);
        notifications = List.copyOf(notifications);
    }
}
