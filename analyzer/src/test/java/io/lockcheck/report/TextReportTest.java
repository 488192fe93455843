package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Stats;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextReportTest {
    private static final ReportOptions PLAIN = new ReportOptions(null, "0.1.0", false);

    @Test
    void findingsWithEvidenceThenNotificationsThenSummary() {
        String text = ReportText.render(new TextReport(), SampleResults.full(Path.of("")), PLAIN);
        assertEquals("""
                drivers/gpu/drm/msm/msm_gem.c:120:5: error: write of 'obj->lru' without 'lru->lock' held [LC002]
                    drivers/gpu/drm/msm/msm_gem.c:110:2: 'lru->lock' released here
                    1. [thread A: drm_gem_lru_scan] drivers/gpu/drm/drm_gem.c:1500:3: takes 'lru->lock'
                    2. [thread A: drm_gem_lru_scan] drivers/gpu/drm/drm_gem.c:1510:7: reads 'obj->lru'
                    3. [thread B: msm_gem_lru_move] drivers/gpu/drm/msm/msm_gem.c:120:5: writes 'obj->lru' without 'lru->lock'
                drivers/gpu/drm/msm/msm_gem.c:200:9: warning: plain read of 'obj->madv' that is re-checked under 'obj->resv' [LC003]
                    fix: wrap the read in READ_ONCE()
                drivers/gpu/drm/my drm/löck#1.c:7:1: warning: plain read of 'dev->state' polled in a loop [LC003]
                    1. drivers/gpu/drm/my drm/löck#1.c:5:1: loop starts here
                drivers/gpu/drm/broken.c: error: cannot parse: unbalanced braces
                lockcheck: warning: no --kernel-tree given: using the built-in kernel prelude
                3 findings (1 error, 2 warnings) in 5 files
                """, text);
    }

    @Test
    void statsLineOnlyWhenAsked() {
        ReportOptions withStats = new ReportOptions(null, "0.1.0", true);
        String text = ReportText.render(new TextReport(), SampleResults.full(Path.of("")), withStats);
        assertEquals("3 findings (1 error, 2 warnings) in 5 files\n"
                        + "stats: 5 files (1 failed), 42 functions, 1234 lines, parse fidelity 97.6%\n",
                text.substring(text.indexOf("3 findings")));
    }

    @Test
    void pathsRelativeToSrcroot() {
        Path root = Path.of("/work/linux");
        String text = ReportText.render(new TextReport(), SampleResults.full(root), new ReportOptions(root, "0.1.0", false));
        assertEquals("drivers/gpu/drm/msm/msm_gem.c:120:5: error: write of 'obj->lru' without 'lru->lock' held [LC002]",
                text.lines().findFirst().orElseThrow());
        assertEquals("    3. [thread B: msm_gem_lru_move] drivers/gpu/drm/msm/msm_gem.c:120:5: writes 'obj->lru' without 'lru->lock'",
                text.lines().skip(4).findFirst().orElseThrow());
    }

    @Test
    void filesOutsideSrcrootKeepTheirPath() {
        Path root = Path.of("/work/linux");
        String text = ReportText.render(new TextReport(), SampleResults.full(Path.of("/elsewhere")), new ReportOptions(root, "0.1.0", false));
        assertEquals("/elsewhere/drivers/gpu/drm/msm/msm_gem.c:120:5: error: write of 'obj->lru' without 'lru->lock' held [LC002]",
                text.lines().findFirst().orElseThrow());
    }

    @Test
    void cleanRunSaysSo() {
        assertEquals("no findings in 3 files\n", ReportText.render(new TextReport(), SampleResults.clean(), PLAIN));
        assertEquals("no findings in 0 files\n", ReportText.render(new TextReport(), SampleResults.empty(), PLAIN));
    }

    @Test
    void suppressedFindingsAreCountedNotShown() {
        String out = ReportText.render(new TextReport(), SampleResults.withSuppressions(Path.of("")), PLAIN);
        assertFalse(out.contains("obj->lru' polled"), out);
        assertTrue(out.contains("drivers/gpu/drm/drm_gem.c:1500: warning: suppression comment has no reason"), out);
        assertTrue(out.endsWith("3 findings (1 error, 2 warnings) in 5 files; 1 suppressed\n"), out);
        AnalysisResult onlySuppressed = SampleResults.withSuppressions(Path.of("")).withFindings(List.of());
        assertEquals("no findings in 5 files; 1 suppressed", TextReport.summary(onlySuppressed));
    }

    @Test
    void summaryPluralisesEachCount() {
        Finding note = new Finding("LC004", Level.NOTE, Location.point(Path.of("a.c"), 1, 1), "plain store to 'x'",
                "f", List.of(), List.of(), Map.of(), null, null);
        AnalysisResult one = new AnalysisResult(SampleResults.rules(), List.of(note), List.of(), new Stats(1, 0, 1, 0, 1));
        assertEquals("1 finding (1 note) in 1 file", TextReport.summary(one));
        AnalysisResult mixed = new AnalysisResult(SampleResults.rules(),
                List.of(note, note.withLevel(Level.ERROR), note.withLevel(Level.ERROR), note), List.of(), new Stats(2, 0, 1, 0, 1));
        assertEquals("4 findings (2 errors, 2 notes) in 2 files", TextReport.summary(mixed));
    }

    @Test
    void fidelityRoundsDownToOneDecimal() {
        assertEquals("stats: 1 file, 1 function, 1 line, parse fidelity 100.0%", TextReport.statsLine(new Stats(1, 0, 1, 0, 1)));
        assertEquals("stats: 2 files, 2000 functions, 10 lines, parse fidelity 99.9%", TextReport.statsLine(new Stats(2, 0, 2000, 1, 10)));
        assertEquals("stats: 2 files, 1000 functions, 10 lines, parse fidelity 97.6%", TextReport.statsLine(new Stats(2, 0, 1000, 24, 10)));
        assertEquals("stats: 0 files, 0 functions, 0 lines, parse fidelity 100.0%", TextReport.statsLine(new Stats(0, 0, 0, 0, 0)));
    }

    @Test
    void newlinesInMessagesDoNotSplitRecords() {
        Finding f = new Finding("LC001", Level.WARNING, Location.point(Path.of("a.c"), 3, 4), "read of 'x'\nwithout 'l'",
                "f", List.of(), List.of(), Map.of(), null, null);
        String text = ReportText.render(new TextReport(), new AnalysisResult(List.of(), List.of(f), List.of(), new Stats(1, 0, 1, 0, 3)), PLAIN);
        assertEquals("a.c:3:4: warning: read of 'x' without 'l' [LC001]\n1 finding (1 warning) in 1 file\n", text);
    }
}
