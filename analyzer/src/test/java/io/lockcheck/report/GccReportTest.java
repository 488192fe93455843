package io.lockcheck.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GccReportTest {
    /** VS Code's built-in {@code $gcc} problem matcher pattern, verbatim. */
    private static final Pattern VSCODE_GCC =
            Pattern.compile("^(.*?):(\\d+):(\\d*):?\\s+(?:fatal\\s+)?(warning|error):\\s+(.*)$");
    /** Vim's default 'errorformat' entry that gcc lines hit: {@code %f:%l:%c:%m}. */
    private static final Pattern VIM_FILE_LINE_COL = Pattern.compile("^([^:]+):(\\d+):(\\d+):(.*)$");

    private static final List<String> EXPECTED = List.of(
            "drivers/gpu/drm/msm/msm_gem.c:120:5: error: write of 'obj->lru' without 'lru->lock' held [LC002]",
            "drivers/gpu/drm/msm/msm_gem.c:200:9: warning: plain read of 'obj->madv' that is re-checked under 'obj->resv' [LC003]",
            "drivers/gpu/drm/my drm/löck#1.c:7:1: warning: plain read of 'dev->state' polled in a loop [LC003]",
            "drivers/gpu/drm/broken.c: error: cannot parse: unbalanced braces",
            "lockcheck: warning: no --kernel-tree given: using the built-in kernel prelude");

    @Test
    void oneLinePerFindingThenNotificationsAndNothingElse() {
        String out = ReportText.render(new GccReport(), SampleResults.full(Path.of("")), new ReportOptions(null, "0.1.0", true));
        assertEquals(String.join("\n", EXPECTED) + "\n", out);
    }

    @Test
    void pathsRelativeToSrcroot() {
        Path root = Path.of("/work/linux");
        String out = ReportText.render(new GccReport(), SampleResults.full(root), new ReportOptions(root, "0.1.0", false));
        assertEquals(String.join("\n", EXPECTED) + "\n", out);
    }

    @Test
    void findingLinesParseWithEditorMatchers() {
        String out = ReportText.render(new GccReport(), SampleResults.full(Path.of("")), new ReportOptions(null, "0.1.0", false));
        List<String> lines = out.lines().toList();
        Matcher vs = VSCODE_GCC.matcher(lines.get(0));
        assertTrue(vs.matches(), lines.get(0));
        assertEquals("drivers/gpu/drm/msm/msm_gem.c", vs.group(1));
        assertEquals("120", vs.group(2));
        assertEquals("5", vs.group(3));
        assertEquals("error", vs.group(4));
        assertEquals("write of 'obj->lru' without 'lru->lock' held [LC002]", vs.group(5));
        Matcher odd = VSCODE_GCC.matcher(lines.get(2));
        assertTrue(odd.matches(), lines.get(2));
        assertEquals("drivers/gpu/drm/my drm/löck#1.c", odd.group(1));
        assertEquals("warning", odd.group(4));
        for (String finding : lines.subList(0, 3)) {
            Matcher vim = VIM_FILE_LINE_COL.matcher(finding);
            assertTrue(vim.matches(), finding);
        }
        // Notifications have no line: they must not be taken for a located problem.
        for (String notification : lines.subList(3, 5)) {
            assertFalse(VSCODE_GCC.matcher(notification).matches(), notification);
            assertFalse(VIM_FILE_LINE_COL.matcher(notification).matches(), notification);
        }
    }

    /** A notification about a line (a suppression comment without a reason) is located, so editors list it. */
    @Test
    void notificationAtALineIsLocated() {
        String out = ReportText.render(new GccReport(), SampleResults.withSuppressions(Path.of("")), new ReportOptions(null, "0.1.0", false));
        String line = out.lines().filter(l -> l.contains("suppression comment")).findFirst().orElseThrow();
        assertEquals("drivers/gpu/drm/drm_gem.c:1500: warning: suppression comment has no reason, so it suppresses nothing", line);
        Matcher vs = VSCODE_GCC.matcher(line);
        assertTrue(vs.matches(), line);
        assertEquals("1500", vs.group(2));
        assertFalse(out.contains(":1410:"), "suppressed findings are not printed");
        assertEquals(3, out.lines().filter(l -> l.endsWith("]")).count(), out);
    }

    @Test
    void cleanRunPrintsNothing() {
        assertEquals("", ReportText.render(new GccReport(), SampleResults.clean(), new ReportOptions(null, "0.1.0", true)));
    }
}
