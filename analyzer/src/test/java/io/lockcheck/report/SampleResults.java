package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Fix;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.RuleInfo;
import io.lockcheck.rule.Stats;
import io.lockcheck.rule.Step;
import io.lockcheck.rule.SuppressedFinding;
import io.lockcheck.rule.ThreadTrace;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Hand-built analysis results shaped like a real DRM run: an LRU race with a two-thread
 * witness, a lockless read with a READ_ONCE fix, a finding in a file whose name needs
 * percent-encoding, a file that failed to parse and a run-wide warning.
 */
final class SampleResults {
    static final String MSM_GEM = "drivers/gpu/drm/msm/msm_gem.c";
    static final String DRM_GEM = "drivers/gpu/drm/drm_gem.c";
    static final String ODD_NAME = "drivers/gpu/drm/my drm/löck#1.c";
    static final String BROKEN = "drivers/gpu/drm/broken.c";

    private SampleResults() {
    }

    static List<RuleInfo> rules() {
        return List.of(
                new RuleInfo("LC002", "UnlockedWrite", Level.ERROR,
                        "Write of a guarded field without its lock",
                        "A field that a lock guards is written while that lock is not held.",
                        "Writes of `obj->lru` need `lru->lock`:\n\n```c\nmutex_lock(lru->lock);\nobj->lru = lru;\n```\n",
                        "high", List.of("concurrency", "locking")),
                new RuleInfo("LC003", "MissingReadOnce", Level.WARNING,
                        "Deliberately lockless read without READ_ONCE",
                        "A plain load of a field that is read without its lock on purpose.",
                        "Use `READ_ONCE()` for lockless reads.", "medium", List.of("concurrency")),
                new RuleInfo("LC004", "MissingWriteOnce", Level.NOTE,
                        "Plain store to a field read locklessly elsewhere",
                        "A field read locklessly elsewhere is stored with a plain store.",
                        "Use `WRITE_ONCE()` for stores that lockless readers see.", "medium", List.of()));
    }

    /** Three findings (one error, two warnings) and two notifications, paths under {@code root}. */
    static AnalysisResult full(Path root) {
        Path msm = root.resolve(MSM_GEM);
        Path drm = root.resolve(DRM_GEM);
        Finding race = new Finding("LC002", Level.ERROR, new Location(msm, 120, 5, 120, 19),
                "write of 'obj->lru' without 'lru->lock' held", "msm_gem_lru_move",
                List.of(new Step(Location.point(msm, 110, 2), "'lru->lock' released here")),
                List.of(new ThreadTrace("drm_gem_lru_scan", List.of(
                                new Step(Location.point(drm, 1500, 3), "takes 'lru->lock'"),
                                new Step(Location.point(drm, 1510, 7), "reads 'obj->lru'"))),
                        new ThreadTrace("msm_gem_lru_move", List.of(
                                new Step(new Location(msm, 120, 5, 120, 19), "writes 'obj->lru' without 'lru->lock'")))),
                Map.of("guardEvidence", "written with 'lru->lock' held 9 of 9 times", "guard", "lru->lock"),
                null, "3f2a9c0d1e7b4a55:1");
        Finding lockless = new Finding("LC003", Level.WARNING, new Location(msm, 200, 9, 200, 18),
                "plain read of 'obj->madv' that is re-checked under 'obj->resv'", "msm_gem_purge",
                List.of(), List.of(), Map.of(),
                new Fix("wrap the read in READ_ONCE()", new Location(msm, 200, 9, 200, 18), "READ_ONCE(obj->madv)"),
                null);
        Path odd = root.resolve(ODD_NAME);
        Finding oddFile = new Finding("LC003", Level.WARNING, new Location(odd, 7, 1, 7, 10),
                "plain read of 'dev->state' polled in a loop", null, List.of(),
                List.of(new ThreadTrace("poller", List.of(new Step(Location.point(odd, 5, 1), "loop starts here")))),
                Map.of(), null, "77aa:1");
        return new AnalysisResult(rules(), List.of(race, lockless, oddFile),
                List.of(new Notification(Level.ERROR, root.resolve(BROKEN), "cannot parse: unbalanced braces"),
                        new Notification(Level.WARNING, null, "no --kernel-tree given: using the built-in kernel prelude")),
                new Stats(5, 1, 42, 1, 1234));
    }

    /**
     * {@link #full} plus a finding that a comment with a reason suppresses, and the warning about a
     * comment without one (at its line).
     */
    static AnalysisResult withSuppressions(Path root) {
        AnalysisResult full = full(root);
        Path drm = root.resolve(DRM_GEM);
        Finding quiet = new Finding("LC003", Level.WARNING, new Location(drm, 1410, 9, 1410, 17),
                "plain read of 'obj->lru' polled in a loop", "drm_gem_lru_scan", List.of(), List.of(), Map.of(), null, "51de:1");
        List<Notification> notes = new java.util.ArrayList<>(full.notifications());
        notes.add(new Notification(Level.WARNING, drm, "suppression comment has no reason, so it suppresses nothing", 1500));
        return full.withNotifications(notes).withSuppressed(List.of(
                new SuppressedFinding(quiet, "only a hint; re-read under the lock", Location.point(drm, 1409, 0))));
    }

    /** A clean run with no rules, findings or notifications. */
    static AnalysisResult empty() {
        return new AnalysisResult(List.of(), List.of(), List.of(), new Stats(0, 0, 0, 0, 0));
    }

    /** A clean run with the rules loaded: rule metadata must be reported even with no findings. */
    static AnalysisResult clean() {
        return new AnalysisResult(rules(), List.of(), List.of(), new Stats(3, 0, 17, 0, 900));
    }
}
