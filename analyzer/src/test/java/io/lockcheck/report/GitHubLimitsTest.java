package io.lockcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.RuleInfo;
import io.lockcheck.rule.Stats;
import io.lockcheck.rule.Step;
import io.lockcheck.rule.SuppressedFinding;
import io.lockcheck.rule.ThreadTrace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cutting a run to GitHub code scanning's limits: what is kept, and that the log says so. */
class GitHubLimitsTest {
    private static final Path FILE = Path.of("drm/gem.c");
    private static final GitHubLimits SMALL = new GitHubLimits(3, 2, 4, 2);

    private static Finding finding(Level level, int line, int related, int... threadSteps) {
        List<Step> rel = IntStream.rangeClosed(1, related).mapToObj(i -> new Step(Location.point(FILE, i, 1), "r" + i)).toList();
        List<ThreadTrace> flow = new ArrayList<>();
        for (int t = 0; t < threadSteps.length; t++) {
            int thread = t;
            flow.add(new ThreadTrace("t" + t, IntStream.rangeClosed(1, threadSteps[t])
                    .mapToObj(i -> new Step(Location.point(FILE, 100 * thread + i, 1), "s" + i)).toList()));
        }
        return new Finding("LC001", level, Location.point(FILE, line, 1), "m" + line, "f", rel, flow, Map.of(), null, "fp" + line);
    }

    private static AnalysisResult result(List<Finding> findings, List<SuppressedFinding> suppressed, List<String> tags) {
        RuleInfo rule = new RuleInfo("LC001", "UnlockedRead", Level.WARNING, "s", "f", "h", "high", tags);
        return new AnalysisResult(List.of(rule), findings, List.of(), new Stats(1, 0, 1, 0, 10), suppressed);
    }

    @Test
    void withinTheLimitsNothingChanges() {
        AnalysisResult in = result(List.of(finding(Level.ERROR, 1, 2, 2, 2)), List.of(), List.of("a", "b"));
        AnalysisResult out = SMALL.apply(in);
        assertEquals(in, out);
        assertSame(in.findings().get(0), out.findings().get(0));
    }

    @Test
    void mostSevereResultsAreKeptInReportOrder() {
        List<Finding> findings = List.of(finding(Level.NOTE, 1, 0), finding(Level.WARNING, 2, 0), finding(Level.ERROR, 3, 0),
                finding(Level.WARNING, 4, 0), finding(Level.WARNING, 5, 0));
        SuppressedFinding quiet = new SuppressedFinding(finding(Level.ERROR, 6, 0), "why", Location.point(FILE, 6, 0));
        AnalysisResult out = SMALL.apply(result(findings, List.of(quiet), List.of()));
        assertEquals(List.of(findings.get(1), findings.get(2), findings.get(3)), out.findings());
        assertEquals(List.of(), out.suppressed(), "a suppressed error goes before any reported note");
        assertEquals(List.of("3 of 6 results are written, the most GitHub code scanning accepts in one run; left out: "
                + "the least severe, suppressed ones first, then the last in file order"), messages(out));
        assertEquals(out, SMALL.apply(result(findings, List.of(quiet), List.of())), "deterministic");
    }

    @Test
    void relatedLocationsThreadStepsAndTagsAreCut() {
        Finding big = finding(Level.ERROR, 1, 5, 7, 3);
        AnalysisResult out = SMALL.apply(result(List.of(big), List.of(), List.of("concurrency", "locking", "kernel")));
        Finding cut = out.findings().get(0);
        assertEquals(big.related().subList(0, 2), cut.related());
        assertEquals(2, cut.flow().size(), "every thread stays");
        assertEquals(big.flow().get(0).steps().subList(0, 2), cut.flow().get(0).steps());
        assertEquals(big.flow().get(1).steps().subList(0, 2), cut.flow().get(1).steps());
        assertEquals(List.of("concurrency", "locking"), out.rules().get(0).tags());
        assertEquals(List.of(
                "rule LC001 has 3 tags; GitHub code scanning accepts 2, so the first 2 are written",
                "1 result(s) had more than 2 related locations, the most GitHub code scanning accepts; the first 2 are kept",
                "1 result(s) had more than 4 thread-flow locations, the most GitHub code scanning accepts; "
                        + "each thread keeps its first steps"), messages(out));
    }

    /** The real limits, end to end through the SARIF report: a notification, and a log GitHub accepts. */
    @Test
    void sarifReportAppliesGitHubsLimits() {
        List<Finding> many = IntStream.rangeClosed(1, 25_001).mapToObj(i -> finding(Level.WARNING, i, 0)).toList();
        Finding hot = finding(Level.ERROR, 25_002, 1_001, 10_001);
        List<Finding> all = new ArrayList<>(many);
        all.add(hot);
        JsonNode run = SarifReportTest.parse(SarifReportTest.sarif(result(all, List.of(), List.of()),
                SarifReportTest.WITHOUT_SRCROOT)).at("/runs/0");
        assertEquals(25_000, run.get("results").size());
        assertEquals("error", run.at("/results/24999/level").asText(), "the error is kept although it is last");
        assertEquals(1_000, run.at("/results/24999/relatedLocations").size());
        assertEquals(10_000, run.at("/results/24999/codeFlows/0/threadFlows/0/locations").size());
        JsonNode notes = run.at("/invocations/0/toolExecutionNotifications");
        assertEquals(3, notes.size());
        for (JsonNode n : notes) {
            assertEquals("warning", n.get("level").asText());
        }
        assertTrue(notes.get(2).at("/message/text").asText().startsWith("25,000 of 25,002 results are written"), notes.toString());
        assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean(), "cutting is not a failure");
    }

    private static List<String> messages(AnalysisResult r) {
        return r.notifications().stream().map(Notification::message).toList();
    }
}
