package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaselineTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** A baseline written by our own SARIF report knows exactly that run's findings. */
    @Test
    void ourOwnSarifIsABaselineForTheSameFindings() throws Exception {
        AnalysisResult full = SampleResults.full(Path.of("/work/linux"));
        Path old = write("old.sarif", SarifReportTest.sarif(full, SarifReportTest.WITH_SRCROOT));
        AnalysisResult filtered = Baseline.read(old).filter(full);
        // the fingerprint-less finding cannot be matched: it stays
        assertEquals(full.findings().stream().filter(f -> f.fingerprint() == null).toList(), filtered.findings());
        Notification note = filtered.notifications().get(0);
        assertEquals(Level.NOTE, note.level());
        assertEquals("2 findings are in the baseline " + old + " and not reported", note.message());
    }

    @Test
    void matchesByFingerprintOnly() throws Exception {
        Path old = write("old.sarif", """
                {"version": "2.1.0", "runs": [
                  {"tool": {"driver": {"name": "other-tool"}}, "results": [{"partialFingerprints": {"primaryLocationLineHash": "77aa:1"}}]},
                  {"tool": {"driver": {"name": "lockcheck"}}, "results": [
                    {"ruleId": "LC002", "locations": [{"physicalLocation": {"region": {"startLine": 1}}}],
                     "partialFingerprints": {"primaryLocationLineHash": "3f2a9c0d1e7b4a55:1"}}]}]}
                """);
        AnalysisResult full = SampleResults.full(Path.of("/work/linux"));
        List<Finding> left = Baseline.read(old).filter(full).findings();
        // the LC002 at line 120 matches despite the line; 77aa:1 is only in another tool's run
        assertEquals(List.of(full.findings().get(1), full.findings().get(2)), left);
    }

    @Test
    void nothingKnownLeavesTheResultAlone() throws Exception {
        Path old = write("old.sarif", SarifReportTest.sarif(SampleResults.clean(), SarifReportTest.WITH_SRCROOT));
        AnalysisResult full = SampleResults.full(Path.of("/work/linux"));
        assertSame(full, Baseline.read(old).filter(full));
    }

    @Test
    void unusableBaselinesAreOneLineErrors() throws IOException {
        Path missing = dir.resolve("missing.sarif");
        assertEquals("cannot use baseline " + missing + ": no such file",
                assertThrows(Baseline.Unusable.class, () -> Baseline.read(missing)).getMessage());
        Path text = write("notes.sarif", "these are not findings\n");
        String notJson = assertThrows(Baseline.Unusable.class, () -> Baseline.read(text)).getMessage();
        assertTrue(notJson.startsWith("cannot use baseline " + text + ": not JSON (Unrecognized token 'these'"), notJson);
        assertTrue(notJson.endsWith(" at line 1)"), notJson);
        Path truncated = write("cut.sarif", "{\"version\": \"2.1.0\", \"runs\": [\n");
        assertEquals(1, assertThrows(Baseline.Unusable.class, () -> Baseline.read(truncated)).getMessage().lines().count());
        Path old = write("old.sarif", "{\"version\": \"2.0.0\", \"runs\": []}");
        assertEquals("cannot use baseline " + old + ": not a SARIF 2.1.0 log",
                assertThrows(Baseline.Unusable.class, () -> Baseline.read(old)).getMessage());
        Path other = write("other.sarif", "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"cppcheck\"}}}]}");
        assertEquals("cannot use baseline " + other + ": it has no lockcheck run (write one with --format sarif)",
                assertThrows(Baseline.Unusable.class, () -> Baseline.read(other)).getMessage());
        Path directory = Files.createDirectory(dir.resolve("dir.sarif"));
        assertEquals(1, assertThrows(Baseline.Unusable.class, () -> Baseline.read(directory)).getMessage().lines().count());
    }
}
