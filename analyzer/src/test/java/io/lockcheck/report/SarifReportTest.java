package io.lockcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Stats;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SarifReportTest {
    static final Path ROOT = Path.of("/work/linux");
    static final ReportOptions WITH_SRCROOT = new ReportOptions(ROOT, "0.1.0-SNAPSHOT", false);
    static final ReportOptions WITHOUT_SRCROOT = new ReportOptions(null, "0.1.0-SNAPSHOT", false);

    static String sarif(AnalysisResult result, ReportOptions opts) {
        return ReportText.render(new SarifReport(), result, opts);
    }

    static JsonNode parse(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode run(AnalysisResult result, ReportOptions opts) {
        JsonNode log = parse(sarif(result, opts));
        assertEquals(1, log.get("runs").size());
        return log.get("runs").get(0);
    }

    @Test
    void headerAndDriver() {
        JsonNode log = parse(sarif(SampleResults.full(ROOT), WITH_SRCROOT));
        assertEquals("https://json.schemastore.org/sarif-2.1.0.json", log.get("$schema").asText());
        assertEquals("2.1.0", log.get("version").asText());
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertEquals("lockcheck", driver.get("name").asText());
        assertEquals("0.1.0-SNAPSHOT", driver.get("version").asText());
        assertEquals("0.1.0-SNAPSHOT", driver.get("semanticVersion").asText());
        assertFalse(driver.has("informationUri"));
        assertEquals("utf16CodeUnits", log.at("/runs/0/columnKind").asText());
    }

    @Test
    void everyRuleIsDescribedEvenWithoutFindings() {
        JsonNode rules = run(SampleResults.clean(), WITH_SRCROOT).at("/tool/driver/rules");
        assertEquals(List.of("LC002", "LC003", "LC004"), texts(rules, "id"));
        JsonNode lc002 = rules.get(0);
        assertEquals("UnlockedWrite", lc002.get("name").asText());
        assertEquals("Write of a guarded field without its lock", lc002.at("/shortDescription/text").asText());
        assertEquals("A field that a lock guards is written while that lock is not held.", lc002.at("/fullDescription/text").asText());
        assertTrue(lc002.at("/help/markdown").asText().contains("```c\nmutex_lock(lru->lock);"));
        assertEquals("Writes of `obj->lru` need `lru->lock`:\n\nmutex_lock(lru->lock);\nobj->lru = lru;", lc002.at("/help/text").asText());
        assertEquals("error", lc002.at("/defaultConfiguration/level").asText());
        assertEquals("high", lc002.at("/properties/precision").asText());
        assertEquals("error", lc002.at("/properties/problem.severity").asText());
        assertEquals("[\"concurrency\",\"locking\"]", lc002.at("/properties/tags").toString());
        assertEquals("warning", rules.get(1).at("/properties/problem.severity").asText());
        assertEquals("note", rules.get(2).at("/defaultConfiguration/level").asText());
        assertEquals("recommendation", rules.get(2).at("/properties/problem.severity").asText());
        assertFalse(rules.get(2).at("/properties").has("tags"));
    }

    @Test
    void cleanRunStillHasEmptyArrays() {
        JsonNode run = run(SampleResults.empty(), WITHOUT_SRCROOT);
        assertTrue(run.get("results").isArray() && run.get("results").isEmpty(), run.toString());
        assertTrue(run.at("/tool/driver/rules").isArray() && run.at("/tool/driver/rules").isEmpty(), run.toString());
        assertTrue(run.get("artifacts").isArray() && run.get("artifacts").isEmpty(), run.toString());
        JsonNode invocation = run.at("/invocations/0");
        assertTrue(invocation.get("executionSuccessful").asBoolean());
        assertTrue(invocation.get("toolExecutionNotifications").isArray() && invocation.get("toolExecutionNotifications").isEmpty());
        assertFalse(run.has("originalUriBaseIds"));
    }

    @Test
    void resultsPointAtRulesAndArtifactsByIndex() {
        JsonNode run = run(SampleResults.full(ROOT), WITH_SRCROOT);
        JsonNode artifacts = run.get("artifacts");
        List<String> uris = new ArrayList<>();
        for (JsonNode a : artifacts) {
            assertEquals("%SRCROOT%", a.at("/location/uriBaseId").asText());
            assertFalse(a.get("location").has("index"));
            uris.add(a.at("/location/uri").asText());
        }
        assertEquals(List.of("drivers/gpu/drm/broken.c", "drivers/gpu/drm/drm_gem.c", "drivers/gpu/drm/msm/msm_gem.c",
                "drivers/gpu/drm/my%20drm/l%C3%B6ck%231.c"), uris);
        assertEquals("file:///work/linux/", run.at("/originalUriBaseIds/%SRCROOT%/uri").asText());

        JsonNode results = run.get("results");
        assertEquals(List.of("LC002", "LC003", "LC003"), texts(results, "ruleId"));
        assertEquals(List.of("0", "1", "1"), texts(results, "ruleIndex"));
        assertEquals(List.of("error", "warning", "warning"), texts(results, "level"));
        for (JsonNode r : results) {
            JsonNode rule = run.at("/tool/driver/rules/" + r.get("ruleIndex").asInt());
            assertEquals(r.get("ruleId").asText(), rule.get("id").asText());
            for (JsonNode where : r.findValues("artifactLocation")) {
                JsonNode artifact = artifacts.get(where.get("index").asInt());
                assertEquals(artifact.at("/location/uri"), where.get("uri"), where.toString());
                assertEquals("%SRCROOT%", where.get("uriBaseId").asText());
            }
        }
    }

    @Test
    void primaryLocationWithRegionAndFunction() {
        JsonNode race = run(SampleResults.full(ROOT), WITH_SRCROOT).at("/results/0");
        assertEquals("write of 'obj->lru' without 'lru->lock' held", race.at("/message/text").asText());
        assertEquals(1, race.get("locations").size());
        JsonNode loc = race.at("/locations/0");
        assertEquals("drivers/gpu/drm/msm/msm_gem.c", loc.at("/physicalLocation/artifactLocation/uri").asText());
        assertEquals(2, loc.at("/physicalLocation/artifactLocation/index").asInt());
        assertEquals("{\"startLine\":120,\"startColumn\":5,\"endLine\":120,\"endColumn\":19}",
                loc.at("/physicalLocation/region").toString());
        assertEquals("[{\"name\":\"msm_gem_lru_move\",\"kind\":\"function\"}]", loc.get("logicalLocations").toString());
        assertFalse(run(SampleResults.full(ROOT), WITH_SRCROOT).at("/results/2/locations/0").has("logicalLocations"));
    }

    @Test
    void relatedLocationsHaveIdsAndMessages() {
        JsonNode related = run(SampleResults.full(ROOT), WITH_SRCROOT).at("/results/0/relatedLocations");
        assertEquals(1, related.size());
        assertEquals(1, related.at("/0/id").asInt());
        assertEquals("'lru->lock' released here", related.at("/0/message/text").asText());
        assertEquals(110, related.at("/0/physicalLocation/region/startLine").asInt());
    }

    @Test
    void raceWitnessIsOneCodeFlowWithOrderedThreadFlows() {
        JsonNode flows = run(SampleResults.full(ROOT), WITH_SRCROOT).at("/results/0/codeFlows");
        assertEquals(1, flows.size());
        JsonNode threads = flows.at("/0/threadFlows");
        assertEquals(List.of("A", "B"), texts(threads, "id"));
        assertEquals("thread A: drm_gem_lru_scan", threads.at("/0/message/text").asText());
        assertEquals("thread B: msm_gem_lru_move", threads.at("/1/message/text").asText());
        List<String> steps = new ArrayList<>();
        for (JsonNode thread : threads) {
            for (JsonNode step : thread.get("locations")) {
                steps.add(step.get("executionOrder").asInt() + " " + step.at("/location/message/text").asText()
                        + " @" + step.at("/location/physicalLocation/region/startLine").asInt());
            }
        }
        assertEquals(List.of("1 takes 'lru->lock' @1500", "2 reads 'obj->lru' @1510",
                "3 writes 'obj->lru' without 'lru->lock' @120"), steps);
    }

    @Test
    void singleThreadFlowHasNoExecutionOrder() {
        JsonNode step = run(SampleResults.full(ROOT), WITH_SRCROOT).at("/results/2/codeFlows/0/threadFlows/0/locations/0");
        assertEquals("loop starts here", step.at("/location/message/text").asText());
        assertFalse(step.has("executionOrder"));
    }

    @Test
    void fixIsAReplacement() {
        JsonNode fixes = run(SampleResults.full(ROOT), WITH_SRCROOT).at("/results/1/fixes");
        assertEquals(1, fixes.size());
        assertEquals("wrap the read in READ_ONCE()", fixes.at("/0/description/text").asText());
        JsonNode change = fixes.at("/0/artifactChanges/0");
        assertEquals("drivers/gpu/drm/msm/msm_gem.c", change.at("/artifactLocation/uri").asText());
        assertEquals("{\"startLine\":200,\"startColumn\":9,\"endLine\":200,\"endColumn\":18}",
                change.at("/replacements/0/deletedRegion").toString());
        assertEquals("READ_ONCE(obj->madv)", change.at("/replacements/0/insertedContent/text").asText());
        assertFalse(run(SampleResults.full(ROOT), WITH_SRCROOT).at("/results/0").has("fixes"));
    }

    @Test
    void fingerprintsAndPropertiesOnlyWhenPresent() {
        JsonNode results = run(SampleResults.full(ROOT), WITH_SRCROOT).get("results");
        assertEquals("{\"primaryLocationLineHash\":\"3f2a9c0d1e7b4a55:1\"}", results.at("/0/partialFingerprints").toString());
        assertFalse(results.get(1).has("partialFingerprints"));
        // sorted by key, whatever order the finding's map has
        assertEquals("{\"guard\":\"lru->lock\",\"guardEvidence\":\"written with 'lru->lock' held 9 of 9 times\"}",
                results.at("/0/properties").toString());
        assertFalse(results.get(1).has("properties"));
    }

    @Test
    void propertyBagsAreSortedByKey() {
        // a HashMap iterates these as zeta, alpha, mid: only explicit sorting puts them in order
        Finding f = new Finding("LC002", Level.ERROR, Location.point(Path.of("a.c"), 1, 1), "m", "f", List.of(), List.of(),
                Map.of("zeta", "3", "alpha", "1", "mid", "2"), null, null);
        JsonNode run = run(new AnalysisResult(SampleResults.rules(), List.of(f), List.of(), new Stats(1, 0, 1, 0, 1)), WITHOUT_SRCROOT);
        assertEquals("{\"alpha\":\"1\",\"mid\":\"2\",\"zeta\":\"3\"}", run.at("/results/0/properties").toString());
    }

    @Test
    void notificationsAndStats() {
        JsonNode run = run(SampleResults.full(ROOT), WITH_SRCROOT);
        JsonNode invocation = run.at("/invocations/0");
        assertFalse(invocation.get("executionSuccessful").asBoolean(), "an error notification means the run did not fully succeed");
        assertFalse(invocation.has("startTimeUtc"));
        JsonNode notes = invocation.get("toolExecutionNotifications");
        assertEquals(List.of("error", "warning"), texts(notes, "level"));
        assertEquals("cannot parse: unbalanced braces", notes.at("/0/message/text").asText());
        JsonNode where = notes.at("/0/locations/0/physicalLocation/artifactLocation");
        assertEquals("drivers/gpu/drm/broken.c", where.get("uri").asText());
        assertEquals("%SRCROOT%", where.get("uriBaseId").asText());
        assertEquals(0, where.get("index").asInt());
        assertFalse(notes.get(1).has("locations"));
        assertEquals("{\"files\":5,\"filesFailed\":1,\"functions\":42,\"functionsWithProblems\":1,\"lines\":1234,\"parseFidelity\":0.9761}",
                run.get("properties").toString());
        assertTrue(run(SampleResults.clean(), WITH_SRCROOT).at("/invocations/0/executionSuccessful").asBoolean());
    }

    @Test
    void withoutSrcrootRelativePathsStayRelativeAndAbsoluteOnesBecomeFileUris() {
        JsonNode relative = run(SampleResults.full(Path.of("")), WITHOUT_SRCROOT);
        assertFalse(relative.has("originalUriBaseIds"));
        JsonNode where = relative.at("/results/0/locations/0/physicalLocation/artifactLocation");
        assertEquals("drivers/gpu/drm/msm/msm_gem.c", where.get("uri").asText());
        assertFalse(where.has("uriBaseId"));
        JsonNode absolute = run(SampleResults.full(ROOT), WITHOUT_SRCROOT);
        assertEquals("file:///work/linux/drivers/gpu/drm/my%20drm/l%C3%B6ck%231.c",
                absolute.at("/results/2/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertFalse(absolute.at("/results/2/locations/0/physicalLocation/artifactLocation").has("uriBaseId"));
    }

    @Test
    void deterministicPrettyUtf8WithTrailingNewline() {
        String once = sarif(SampleResults.full(ROOT), WITH_SRCROOT);
        assertEquals(once, sarif(SampleResults.full(ROOT), WITH_SRCROOT));
        assertTrue(once.endsWith("}\n") && !once.endsWith("\n\n"));
        assertTrue(once.startsWith("{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"), once.substring(0, 80));
        assertFalse(once.contains("\r"));
        assertTrue(once.contains("\"properties\": {\n"), "pretty-printed");
        assertFalse(once.contains("Time"), "no timestamps by default");
    }

    @Test
    void startTimeOnlyWhenGiven() {
        ReportOptions timed = new ReportOptions(ROOT, "0.1.0", false, null, Instant.parse("2024-01-02T03:04:05.678Z"));
        assertEquals("2024-01-02T03:04:05.678Z", run(SampleResults.clean(), timed).at("/invocations/0/startTimeUtc").asText());
    }

    @Test
    void informationUriWhenGiven() {
        ReportOptions withHome = new ReportOptions(null, "0.1.0", false, java.net.URI.create("https://example.org/lockcheck"), null);
        assertEquals("https://example.org/lockcheck", run(SampleResults.clean(), withHome).at("/tool/driver/informationUri").asText());
    }

    @Test
    void doesNotCloseTheCallersWriter() throws IOException {
        StringWriter out = new StringWriter() {
            @Override
            public void close() {
                throw new AssertionError("report closed the caller's writer");
            }
        };
        new SarifReport().write(SampleResults.clean(), WITH_SRCROOT, out);
        assertTrue(out.toString().endsWith("}\n"));
    }

    @Test
    void findingOfAnUnknownRuleHasNoRuleIndex() {
        Finding stray = new Finding("LC999", Level.NOTE, new Location(Path.of("a.c"), 4, 2, 3, 1), "m", "f",
                List.of(), List.of(), Map.of(), null, null);
        JsonNode r = run(new AnalysisResult(SampleResults.rules(), List.of(stray), List.of(), new Stats(1, 0, 1, 0, 4)),
                WITHOUT_SRCROOT).at("/results/0");
        assertEquals("LC999", r.get("ruleId").asText());
        assertFalse(r.has("ruleIndex"));
        // an end before the start is dropped rather than emitted as an invalid region
        assertEquals("{\"startLine\":4,\"startColumn\":2}", r.at("/locations/0/physicalLocation/region").toString());
    }

    @Test
    void suppressedFindingsOnlyOnRequestWithTheirReason() {
        AnalysisResult result = SampleResults.withSuppressions(ROOT);
        JsonNode plain = run(result, WITH_SRCROOT);
        assertEquals(3, plain.get("results").size());
        assertFalse(plain.toString().contains("suppressions"));

        ReportOptions include = new ReportOptions(ROOT, "0.1.0", false, null, null, null, true);
        JsonNode run = run(result, include);
        assertEquals(4, run.get("results").size());
        JsonNode quiet = run.at("/results/3");
        assertEquals("LC003", quiet.get("ruleId").asText());
        assertEquals("51de:1", quiet.at("/partialFingerprints/primaryLocationLineHash").asText());
        JsonNode s = quiet.get("suppressions");
        assertEquals(1, s.size());
        assertEquals("inSource", s.at("/0/kind").asText());
        assertEquals("only a hint; re-read under the lock", s.at("/0/justification").asText());
        assertEquals("{\"startLine\":1409}", s.at("/0/location/physicalLocation/region").toString());
        assertEquals("drivers/gpu/drm/drm_gem.c", s.at("/0/location/physicalLocation/artifactLocation/uri").asText());
        for (int i = 0; i < 3; i++) {
            assertFalse(run.at("/results/" + i).has("suppressions"));
        }
    }

    @Test
    void notificationAtALineHasARegion() {
        JsonNode notes = run(SampleResults.withSuppressions(ROOT), WITH_SRCROOT).at("/invocations/0/toolExecutionNotifications");
        JsonNode atLine = notes.get(2);
        assertEquals("suppression comment has no reason, so it suppresses nothing", atLine.at("/message/text").asText());
        assertEquals("{\"startLine\":1500}", atLine.at("/locations/0/physicalLocation/region").toString());
        assertFalse(notes.at("/0/locations/0/physicalLocation").has("region"), "a whole-file notification has none");
    }

    @Test
    void categoryBecomesTheAutomationIdOnlyWhenGiven() {
        assertFalse(run(SampleResults.clean(), WITH_SRCROOT).has("automationDetails"));
        ReportOptions drm = new ReportOptions(ROOT, "0.1.0", false, null, null, "lockcheck-drm", false);
        assertEquals("{\"id\":\"lockcheck-drm/\"}", run(SampleResults.clean(), drm).get("automationDetails").toString());
        ReportOptions slash = new ReportOptions(ROOT, "0.1.0", false, null, null, "kernel/drm/", false);
        assertEquals("kernel/drm/", run(SampleResults.clean(), slash).at("/automationDetails/id").asText());
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(n.get(field).asText());
        }
        return out;
    }
}
