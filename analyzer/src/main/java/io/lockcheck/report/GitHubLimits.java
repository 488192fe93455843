package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.RuleInfo;
import io.lockcheck.rule.SuppressedFinding;
import io.lockcheck.rule.ThreadTrace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What GitHub code scanning accepts in one SARIF run ("SARIF support for code scanning": a file
 * over a limit is rejected whole). The SARIF report is cut to fit, always the same way for the
 * same input, and says what it cut in a warning notification.
 *
 * @param results             results per run: the most severe are kept, reported ones before
 *                            suppressed ones, then in report order
 * @param relatedLocations    locations per result: the first ones are kept
 * @param threadFlowLocations thread-flow locations per result: each thread keeps its first steps,
 *                            the threads sharing the limit equally
 * @param tagsPerRule         tags per rule: the first ones are kept
 */
record GitHubLimits(int results, int relatedLocations, int threadFlowLocations, int tagsPerRule) {

    static final GitHubLimits CODE_SCANNING = new GitHubLimits(25_000, 1_000, 10_000, 20);

    AnalysisResult apply(AnalysisResult in) {
        List<Notification> notes = new ArrayList<>(in.notifications());
        List<RuleInfo> rules = capTags(in.rules(), notes);

        int related = 0, flows = 0;
        List<Finding> findings = new ArrayList<>();
        for (Finding f : in.findings()) {
            Finding c = cap(f);
            related += c.related().size() < f.related().size() ? 1 : 0;
            flows += steps(c) < steps(f) ? 1 : 0;
            findings.add(c);
        }
        List<SuppressedFinding> suppressed = new ArrayList<>();
        for (SuppressedFinding s : in.suppressed()) {
            Finding c = cap(s.finding());
            related += c.related().size() < s.finding().related().size() ? 1 : 0;
            flows += steps(c) < steps(s.finding()) ? 1 : 0;
            suppressed.add(new SuppressedFinding(c, s.justification(), s.comment()));
        }
        if (related > 0) {
            notes.add(warning(related + " result(s) had more than " + n(relatedLocations)
                    + " related locations, the most GitHub code scanning accepts; the first " + n(relatedLocations) + " are kept"));
        }
        if (flows > 0) {
            notes.add(warning(flows + " result(s) had more than " + n(threadFlowLocations)
                    + " thread-flow locations, the most GitHub code scanning accepts; each thread keeps its first steps"));
        }

        int total = findings.size() + suppressed.size();
        if (total > results) {
            Set<Object> keep = mostSevere(findings, suppressed);
            findings.removeIf(f -> !keep.contains(f));
            suppressed.removeIf(s -> !keep.contains(s));
            notes.add(warning(n(results) + " of " + n(total) + " results are written, the most GitHub code scanning "
                    + "accepts in one run; left out: the least severe, suppressed ones first, then the last in file order"));
        }
        return new AnalysisResult(rules, findings, notes, in.stats(), suppressed);
    }

    private List<RuleInfo> capTags(List<RuleInfo> rules, List<Notification> notes) {
        List<RuleInfo> out = new ArrayList<>();
        for (RuleInfo r : rules) {
            if (r.tags().size() > tagsPerRule) {
                notes.add(warning("rule " + r.id() + " has " + r.tags().size() + " tags; GitHub code scanning accepts "
                        + tagsPerRule + ", so the first " + tagsPerRule + " are written"));
                r = new RuleInfo(r.id(), r.name(), r.defaultLevel(), r.shortDescription(), r.fullDescription(),
                        r.helpMarkdown(), r.precision(), r.tags().subList(0, tagsPerRule));
            }
            out.add(r);
        }
        return out;
    }

    private Finding cap(Finding f) {
        List<ThreadTrace> flow = f.flow();
        if (steps(f) > threadFlowLocations) {
            int each = Math.max(1, threadFlowLocations / flow.size());
            flow = flow.stream()
                    .map(t -> t.steps().size() <= each ? t : new ThreadTrace(t.thread(), t.steps().subList(0, each)))
                    .toList();
        }
        var related = f.related().size() > relatedLocations ? f.related().subList(0, relatedLocations) : f.related();
        if (flow == f.flow() && related == f.related()) {
            return f;
        }
        return new Finding(f.ruleId(), f.level(), f.location(), f.message(), f.function(), related, flow,
                f.properties(), f.fix(), f.fingerprint());
    }

    private static int steps(Finding f) {
        return f.flow().stream().mapToInt(t -> t.steps().size()).sum();
    }

    /** The {@code results} entries to keep: reported before suppressed, errors before warnings before notes, then report order. */
    private Set<Object> mostSevere(List<Finding> findings, List<SuppressedFinding> suppressed) {
        record Ranked(Object entry, boolean isSuppressed, Level level, int order) {
        }
        List<Ranked> all = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            all.add(new Ranked(findings.get(i), false, findings.get(i).level(), i));
        }
        for (int i = 0; i < suppressed.size(); i++) {
            all.add(new Ranked(suppressed.get(i), true, suppressed.get(i).finding().level(), i));
        }
        all.sort(Comparator.comparing(Ranked::isSuppressed).thenComparing(Ranked::level).thenComparingInt(Ranked::order));
        Set<Object> keep = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        all.subList(0, results).forEach(r -> keep.add(r.entry()));
        return keep;
    }

    private static Notification warning(String message) {
        return new Notification(Level.WARNING, null, message);
    }

    private static String n(int count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
