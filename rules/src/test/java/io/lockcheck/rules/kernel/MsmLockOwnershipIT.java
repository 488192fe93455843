package io.lockcheck.rules.kernel;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lock ownership on Linux 6.12 msm: every msm LRU is bound to {@code priv->lru.lock} and its
 * callers hold it, so LC005, LC006 and LC007 stay silent. Taking the lock pair out of
 * {@code update_lru()} in a copy of msm makes LC005 appear at its {@code update_lru_locked()}
 * call, and nowhere else: the other callers of update_lru_locked() hold the lock.
 */
class MsmLockOwnershipIT {
    private static final List<String> OWNERSHIP = List.of("LC005", "LC006", "LC007");
    private static final String LOCKED_PAIR = "\tmutex_lock(&priv->lru.lock);\n\tupdate_lru_locked(obj);\n"
            + "\tmutex_unlock(&priv->lru.lock);\n";

    @Test
    void msmHasNoLockOwnershipFindings() {
        AnalysisResult r = DrmTreeIT.analyze(DrmTreeIT.kernelTree(), "drivers/gpu/drm/msm", "drivers/gpu/drm/drm_gem.c");
        // drm_gem.c is there for the helpers' contracts; its own LC007 (the seed race) is DrmGemIT's
        Path msm = DrmTreeIT.kernelTree().resolve("drivers/gpu/drm/msm");
        List<Finding> wrong = r.findings().stream()
                .filter(f -> OWNERSHIP.contains(f.ruleId()) && f.location().file().startsWith(msm)).toList();
        assertTrue(r.findings().stream().anyMatch(f -> f.location().file().startsWith(msm)),
                "no finding at all in msm: the run did not analyse it");
        assertTrue(wrong.isEmpty(), () -> DrmTreeIT.describe(wrong));
    }

    @Test
    void removingTheLockAroundALockedCallIsReportedAtThatCall(@TempDir Path tmp) throws IOException {
        Path tree = DrmTreeIT.kernelTree();
        Path copy = tmp.resolve("msm");
        copyTree(tree.resolve("drivers/gpu/drm/msm"), copy);
        Path gem = copy.resolve("msm_gem.c");
        String text = Files.readString(gem, StandardCharsets.UTF_8);
        assertTrue(text.contains(LOCKED_PAIR), "update_lru() in this tree no longer has the lock pair the test removes");
        int at = text.indexOf(LOCKED_PAIR);
        int line = (int) text.substring(0, at).chars().filter(ch -> ch == '\n').count() + 1; // the mutex_lock line
        Files.writeString(gem, text.replace(LOCKED_PAIR, "\tupdate_lru_locked(obj);\n"), StandardCharsets.UTF_8);

        AnalysisResult r = new Analyzer(RuleSet.loadAll(), AnalyzerOptions.defaults())
                .analyze(List.of(copy, tree.resolve("drivers/gpu/drm/drm_gem.c")));
        List<Finding> lc005 = r.findings().stream().filter(f -> f.ruleId().equals("LC005")).toList();
        assertEquals(1, lc005.size(), () -> DrmTreeIT.describe(lc005));
        Finding f = lc005.get(0);
        assertEquals("update_lru", f.function());
        assertEquals(gem, f.location().file());
        assertEquals(line, f.location().line(), "the update_lru_locked() call now sits where mutex_lock was");
        assertTrue(f.message().contains("update_lru_locked()") && f.message().contains("msm_drm_private.lru.lock"),
                f.message());
        // the call chain down to the requirement is the SARIF code flow
        assertTrue(f.flow().size() == 1 && f.flow().get(0).steps().size() >= 2, f.flow().toString());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
