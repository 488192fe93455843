package io.lockcheck.cli;

import io.lockcheck.cli.CliHarness.Outcome;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.SuppressedFinding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check --baseline / --column-unit / --include-suppressed / --category}, with a canned engine. */
class ResultOptionsTest {
    @TempDir
    Path dir;
    private Path source;

    @BeforeEach
    void source() throws IOException {
        source = Files.writeString(dir.resolve("gem.c"), "void f(void)\n{\n\tx = 1;\n}\n");
    }

    private Outcome check(RecordingEngine engine, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "check";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliHarness.run(FakeRule.TWO, engine, all);
    }

    /** Two warnings (fingerprints fp1, fp2) and an error that a comment suppresses. */
    private RecordingEngine engine() {
        Finding suppressed = new Finding("LC008", Level.ERROR, Location.point(source, 3, 2), "quiet", "f",
                List.of(), List.of(), java.util.Map.of(), null, "fp3");
        AnalysisResult r = RecordingEngine.result(List.of(RecordingEngine.finding("LC008", Level.WARNING, 1),
                        RecordingEngine.finding("LC008", Level.WARNING, 2)), List.of())
                .withSuppressed(List.of(new SuppressedFinding(suppressed, "why", Location.point(source, 3, 0))));
        return new RecordingEngine(r);
    }

    @Test
    void baselineLeavesOutKnownFindingsAndDecidesTheExitCodeOnTheRest() throws IOException {
        Path base = dir.resolve("base.sarif");
        assertEquals(1, check(engine(), "--format", "sarif", "-o", base.toString(), source.toString()).exit());
        Files.writeString(base, Files.readString(base).replace("\"fp2\"", "\"fp-other\""));

        Outcome o = check(engine(), "--format", "gcc", "--baseline", base.toString(), source.toString());
        assertEquals(1, o.exit(), o.err());
        assertEquals(List.of("drm/gem.c:2:5: warning: second acquire of 'lru->lock' [LC008]",
                "lockcheck: note: 1 finding is in the baseline " + base + " and not reported"), o.out().lines().toList());

        Files.writeString(base, Files.readString(base).replace("\"fp-other\"", "\"fp2\""));
        Outcome clean = check(engine(), "--baseline", base.toString(), source.toString());
        assertEquals(0, clean.exit(), clean.out());
        assertTrue(clean.out().endsWith("no findings in 1 file; 1 suppressed\n"), clean.out());
    }

    @Test
    void unusableBaselineFailsBeforeAnalysing() throws IOException {
        RecordingEngine engine = engine();
        Path text = Files.writeString(dir.resolve("base.sarif"), "not json");
        Outcome o = check(engine, "--baseline", text.toString(), source.toString());
        assertEquals(2, o.exit());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().startsWith("lockcheck: error: cannot use baseline " + text + ": not JSON"), o.err());
        assertEquals(0, engine.analyses);
    }

    @Test
    void suppressedFindingsNeitherFailTheRunNorShowUnlessAskedForInSarif() {
        Outcome text = check(engine(), "--fail-on", "error", source.toString());
        assertEquals(0, text.exit(), "the only error is suppressed");
        assertFalse(text.out().contains("quiet"), text.out());

        Outcome sarif = check(engine(), "--format", "sarif", source.toString());
        assertFalse(sarif.out().contains("\"suppressions\""), sarif.out());
        Outcome included = check(engine(), "--format", "sarif", "--include-suppressed", source.toString());
        assertTrue(included.out().contains("\"justification\": \"why\""), included.out());
        assertFalse(check(engine(), "--format", "gcc", "--include-suppressed", source.toString()).out().contains("quiet"),
                "text and gcc never show suppressed findings");
    }

    @Test
    void categoryOnlyWhenGiven() {
        assertFalse(check(engine(), "--format", "sarif", source.toString()).out().contains("automationDetails"));
        String out = check(engine(), "--format", "sarif", "--category", "lockcheck-drm", source.toString()).out();
        assertTrue(out.contains("\"automationDetails\": {\n        \"id\": \"lockcheck-drm/\"\n      }"), out);
    }

    @Test
    void displayColumnsInGccButNotInSarif() {
        RecordingEngine tabbed = new RecordingEngine(RecordingEngine.result(List.of(new Finding("LC008", Level.WARNING,
                new Location(source, 3, 2, 3, 3), "m", "f", List.of(), List.of(), java.util.Map.of(), null, "fp")), List.of()));
        assertTrue(check(tabbed, "--format", "gcc", source.toString()).out().startsWith(source + ":3:2: warning"));
        assertTrue(check(tabbed, "--format", "gcc", "--column-unit", "char", source.toString()).out().startsWith(source + ":3:2: "));
        assertTrue(check(tabbed, "--format", "gcc", "--column-unit", "display", source.toString()).out().startsWith(source + ":3:9: "));
        assertTrue(check(tabbed, "--column-unit", "DISPLAY", source.toString()).out().startsWith(source + ":3:9: "));
        String sarif = check(tabbed, "--format", "sarif", "--column-unit", "display", source.toString()).out();
        assertTrue(sarif.contains("\"startColumn\": 2"), sarif);
        assertTrue(sarif.contains("\"columnKind\": \"utf16CodeUnits\""), sarif);
    }

    @Test
    void badColumnUnitIsAUsageError() {
        Outcome o = check(engine(), "--column-unit", "byte", source.toString());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("expected char or display but was 'byte'"), o.err());
    }
}
