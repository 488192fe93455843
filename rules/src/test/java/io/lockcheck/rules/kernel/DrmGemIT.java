package io.lockcheck.rules.kernel;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Linux 6.12 {@code drivers/gpu/drm/drm_gem.c} alone: the GEM handle and LRU code that
 * motivated lockcheck. Line numbers are found by searching the file, never hard-coded.
 */
class DrmGemIT {
    private static final String FILE = "drivers/gpu/drm/drm_gem.c";

    private static Path tree;
    private static List<String> lines;
    private static AnalysisResult gem;

    @BeforeAll
    static void analyseOnce() throws IOException {
        tree = DrmTreeIT.kernelTree();
        lines = Files.readAllLines(tree.resolve(FILE), StandardCharsets.UTF_8);
        gem = DrmTreeIT.analyze(tree, FILE);
    }

    @Test
    void noLockImbalanceAnywhere() {
        List<Finding> lc008 = gem.findings().stream().filter(f -> f.ruleId().equals("LC008")).toList();
        // drm_gem_handle_create() takes object_name_lock and drm_gem_handle_create_tail() drops it:
        // a contract every caller agrees with, not an imbalance; drm_gem_lru_scan() drops and
        // retakes the LRU lock around each object.
        assertTrue(lc008.isEmpty(), () -> "LC008 in drm_gem.c:\n" + DrmTreeIT.describe(lc008));
    }

    @Test
    void lruReadsAfterUnlockInScanAreUnlockedReads() {
        // In drm_gem_lru_scan() the LRU lock is dropped before shrink(); these compare obj->lru
        // without it (the last one says it does not care about accuracy, but is still a plain read).
        // One access gets one finding (DESIGN §6): LC001, or LC003 once obj->lru was already
        // loaded without the lock on the way there (a double fetch of a lockless field).
        int unlock = lineOf("mutex_unlock(lru->lock);", lineOf("drm_gem_lru_scan(struct drm_gem_lru *lru,", 0));
        List<Executable> checks = new ArrayList<>();
        for (String read : List.of("WARN_ON(obj->lru == &still_in_lru);", "WARN_ON(obj->lru == lru);",
                "} else if (obj->lru == &still_in_lru) {")) {
            int line = lineOf(read, unlock);
            checks.add(() -> {
                List<Finding> here = at(line);
                assertTrue(here.stream().anyMatch(f -> (f.ruleId().equals("LC001") || f.ruleId().equals("LC003"))
                                && "drm_gem_lru_scan".equals(f.function())
                                && f.message().contains("obj->lru")),
                        () -> "no LC001/LC003 on drm_gem.c:" + line + " `" + read + "`; findings there:\n"
                                + (here.isEmpty() ? "  (none)" : DrmTreeIT.describe(here)));
            });
        }
        assertAll(checks);
    }

    @Test
    void lruHelpersThatHoldTheLockAreClean() {
        Set<String> helpers = Set.of("drm_gem_lru_move_tail_locked", "drm_gem_lru_remove_locked", "drm_gem_lru_move_tail");
        // No access, ownership or balance finding; the LC004 notes on their plain 'obj->lru = ...'
        // stores are right, since drm_gem_lru_remove() reads obj->lru locklessly.
        List<Finding> inHelpers = gem.findings().stream().filter(f -> helpers.contains(f.function()))
                .filter(f -> !f.ruleId().equals("LC004")).toList();
        assertTrue(inHelpers.isEmpty(), () -> "findings in LRU helpers:\n" + DrmTreeIT.describe(inHelpers));
    }

    /** The shaded jar as a user runs it: gcc format, exit 1 for the warnings, same findings as in-process. */
    @Test
    void jarReportsInGccFormat() throws Exception {
        Path jar = Path.of(System.getProperty("lockcheck.jar", "target/lockcheck.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": the IT runs after 'package'");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = Files.createTempFile("lockcheck-gcc", ".txt");
        Path err = Files.createTempFile("lockcheck-gcc", ".err");
        try {
            Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "check", "--format", "gcc",
                    "--srcroot", tree.toString(), tree.resolve(FILE).toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("lockcheck did not finish in 120 s");
            }
            List<String> report = Files.readAllLines(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(1, p.exitValue(), () -> "exit code (warnings, --fail-on warning); stderr:\n" + stderr);
            assertEquals("", stderr);
            assertAll(report.stream().map(l -> () -> assertTrue(
                    l.matches("drivers/gpu/drm/drm_gem\\.c:\\d+:\\d+: (error|warning|note): \\S.* \\[LC\\d{3}]"),
                    "not a gcc diagnostic relative to --srcroot: " + l)));
            assertEquals(gem.findings().size(), report.size(), () -> "in-process findings:\n"
                    + DrmTreeIT.describe(gem.findings()) + "\njar output:\n" + String.join("\n", report));
            int scanRead = lineOf("WARN_ON(obj->lru == &still_in_lru);", 0);
            assertTrue(report.stream().anyMatch(l -> l.startsWith(FILE + ":" + scanRead + ":") && l.contains(": warning: ")
                    && l.endsWith("[LC001]")), () -> "no LC001 warning at line " + scanRead + ":\n" + String.join("\n", report));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<Finding> at(int line) {
        return gem.findings().stream().filter(f -> f.location().line() == line).toList();
    }

    /** The 1-based line of the first occurrence of {@code text} after line {@code after}. */
    private static int lineOf(String text, int after) {
        for (int i = after; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) return i + 1;
        }
        throw new AssertionError("'" + text + "' not found in " + FILE + " after line " + after);
    }
}
