package io.lockcheck.rules.kernel;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Linux 6.12 {@code drivers/gpu/drm/msm} with {@code drm_gem.c} in one run: msm keeps its GEM
 * objects on LRUs bound to one device-wide lock ({@code priv->lru.lock}, bound with
 * {@code drm_gem_lru_init()}). The LRU updates (msm_gem.c: {@code update_lru_active},
 * {@code update_lru_locked}, {@code update_lru}), pinning at submit (msm_gem_submit.c:
 * {@code submit_pin_objects}) and unpinning when the job runs (msm_ringbuffer.c:
 * {@code msm_job_run}) hold the right locks and must draw no finding.
 */
class MsmLruIT {
    private static final Pattern CORRECT = Pattern.compile("update_lru.*|submit_pin_objects.*|msm_job_run");

    private static AnalysisResult msm;

    @BeforeAll
    static void analyseOnce() {
        msm = DrmTreeIT.analyze(DrmTreeIT.kernelTree(), "drivers/gpu/drm/msm", "drivers/gpu/drm/drm_gem.c");
    }

    @Test
    void functionsThatHoldTheLruLockAreClean() {
        List<Finding> wrong = msm.findings().stream()
                .filter(f -> f.function() != null && CORRECT.matcher(f.function()).matches()).toList();
        assertTrue(wrong.isEmpty(), () -> wrong.size() + " findings in msm LRU, pin and job-run code:\n"
                + DrmTreeIT.describe(wrong));
    }

    @Test
    void theCheckedFunctionsAreDefinedInThisTree() throws IOException {
        // guards the test above against renames: it would pass vacuously if the functions were gone
        Path msmDir = DrmTreeIT.kernelTree().resolve("drivers/gpu/drm/msm");
        for (String[] def : new String[][] {{"msm_gem.c", "update_lru"}, {"msm_gem.c", "update_lru_locked"},
                {"msm_gem.c", "update_lru_active"}, {"msm_gem_submit.c", "submit_pin_objects"},
                {"msm_ringbuffer.c", "msm_job_run"}}) {
            Pattern definition = Pattern.compile("(?m)^static \\S.*\\b" + def[1] + "\\(");
            String text = Files.readString(msmDir.resolve(def[0]), StandardCharsets.UTF_8);
            assertTrue(definition.matcher(text).find(), def[1] + "() is not defined in msm/" + def[0]);
        }
    }

    @Test
    void guardsListsTheLruGuardWithItsEvidence() throws IOException, InterruptedException {
        // the issue's check: `lockcheck guards drivers/gpu/drm/msm` shows the LRU guard, and the
        // drm_gem_lru_init() bindings that put every msm LRU under priv->lru.lock
        Path jar = Path.of(System.getProperty("lockcheck.jar", "target/lockcheck.jar")).toAbsolutePath();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = Files.createTempFile("msm-guards", ".yaml");
        try {
            Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "guards", "-o", out.toString(),
                    DrmTreeIT.kernelTree().resolve("drivers/gpu/drm/msm").toString())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor() == 0, log);
            String yaml = Files.readString(out);
            assertTrue(yaml.contains("field: drm_gem_lru.count") && yaml.contains("guarded_by: lock"), yaml);
            for (String lru : List.of("dontneed", "pinned", "unbacked", "willneed")) {
                assertTrue(yaml.contains("msm_drm_private.lru." + lru + ".lock is msm_drm_private.lru.lock"), yaml);
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
