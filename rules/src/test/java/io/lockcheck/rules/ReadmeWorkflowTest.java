package io.lockcheck.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockcheck.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GitHub Actions workflow in the README is YAML that uploads the file its lockcheck step
 * writes, and that step's command line works: run on the samples, it exits 0 and writes SARIF
 * with repository-relative paths and the category.
 */
class ReadmeWorkflowTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    @Test
    void workflowRunsLockcheckAndUploadsItsSarif() throws IOException {
        Path samples = SamplesTest.samplesDir();
        String readme = Files.readString(samples.getParent().resolve("README.md"));
        int section = readme.indexOf("### GitHub code scanning");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String yaml = readme.substring(start, readme.indexOf("```", start));
        Map<String, Object> workflow = new Yaml().load(yaml);

        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) workflow.get("jobs")).get("lockcheck");
        assertEquals("write", ((Map<String, Object>) job.get("permissions")).get("security-events"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
        String command = null;
        String uploaded = null;
        for (Map<String, Object> step : steps) {
            if (step.get("run") instanceof String run && run.contains("lockcheck check")) command = run;
            if (String.valueOf(step.get("uses")).startsWith("github/codeql-action/upload-sarif@")) {
                uploaded = (String) ((Map<String, Object>) step.get("with")).get("sarif_file");
            }
        }
        assertNotNull(command, "no lockcheck step");
        assertNotNull(uploaded, "no upload-sarif step");

        // The step's arguments as written, with the kernel's paths mapped onto this checkout's samples.
        List<String> words = Arrays.asList(command.strip().split("\\s+"));
        assertTrue(words.get(0).endsWith("/lockcheck") && words.get(1).equals("check"), command);
        List<String> args = new ArrayList<>(words.subList(1, words.size()));
        Path sarif = dir.resolve(uploaded);
        args.set(args.indexOf("-o") + 1, sarif.toString());
        args.set(args.indexOf("--srcroot") + 1, samples.getParent().toString());
        args.set(args.size() - 1, samples.toString());
        assertEquals("drivers/gpu/drm", words.get(words.size() - 1));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        assertEquals(0, exit, "--fail-on none: the upload step must run\n" + err.toString(StandardCharsets.UTF_8));
        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0");
        assertEquals("lockcheck-drm/", run.at("/automationDetails/id").asText());
        assertTrue(run.get("results").size() > 100);
        assertEquals("%SRCROOT%", run.at("/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
        assertTrue(run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText().startsWith("samples/"));
    }
}
