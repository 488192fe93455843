package io.lockcheck.cli;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.cli.CliHarness.Outcome;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.Stats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check --changed / --staged / --diff-only / --context / --sibling-context} in a real git
 * repository, with an engine that puts a finding on lines 2 and 5 of every file it is given:
 * what is analysed, and what of it is reported.
 */
class CheckChangedTest {
    @TempDir
    Path tmp;
    private Path root;
    private TempGitRepo repo;

    private static final String SIX_LINES = "a\nb\nc\nd\ne\nf\n";

    /** Findings on lines 2 and 5 of each analysed file, and a warning notification per file. */
    static final class PerFileEngine implements Engine {
        List<Path> paths;

        @Override
        public AnalysisResult analyze(List<Rule> rules, AnalyzerOptions options, List<Path> paths) {
            this.paths = paths;
            List<Finding> findings = new ArrayList<>();
            List<Notification> notes = new ArrayList<>();
            for (Path p : paths) {
                for (int line : new int[] {2, 5}) {
                    findings.add(new Finding("LC001", Level.WARNING, Location.point(p, line, 1), "unlocked read",
                            "f", List.of(), List.of(), Map.of(), null, "fp"));
                }
                notes.add(new Notification(Level.WARNING, p, "function cut short"));
            }
            return new AnalysisResult(List.of(), findings, notes, new Stats(paths.size(), 0, 1, 0, 6));
        }

        @Override
        public String dumpCfg(Path file, String function) {
            throw new UnsupportedOperationException();
        }
    }

    @BeforeEach
    void repository() throws Exception {
        root = tmp.toRealPath(); // git reports real paths
        repo = TempGitRepo.init(root);
        for (String f : List.of("drm/msm/gem.c", "drm/msm/gpu.c", "drm/msm/ring.c", "drm/msm/adreno/a6xx.c",
                "drm/core.c", "drm/msm/gem.h")) {
            repo.write(f, SIX_LINES);
        }
        repo.commitAll("base");
    }

    private Path at(String relative) {
        return root.resolve(relative);
    }

    private Outcome check(PerFileEngine engine, String... args) {
        List<String> all = new ArrayList<>(List.of("check", "--format", "gcc"));
        all.addAll(List.of(args));
        return CliHarness.run(FakeRule.TWO, engine, all.toArray(String[]::new));
    }

    private static List<String> reportedFiles(Outcome o) {
        return o.out().lines().map(l -> l.substring(0, l.indexOf(':'))).distinct().toList();
    }

    @Test
    void changedFileIsReportedAndItsSiblingsAreContext() throws IOException {
        repo.write("drm/msm/gem.c", SIX_LINES.replace("e\n", "E\n"));
        PerFileEngine engine = new PerFileEngine();
        Outcome o = check(engine, "--changed", "HEAD", root.toString());
        assertEquals(1, o.exit(), o.err());
        assertEquals(List.of(at("drm/msm/gem.c"), at("drm/msm/gpu.c"), at("drm/msm/ring.c")), engine.paths,
                "siblings in the same directory only: not adreno/, not drm/, not headers");
        assertEquals(List.of(at("drm/msm/gem.c") + ":2:1: warning: unlocked read [LC001]",
                at("drm/msm/gem.c") + ":5:1: warning: unlocked read [LC001]",
                at("drm/msm/gem.c") + ": warning: function cut short"), o.out().lines().toList(),
                "neither the context files' findings nor their notifications");
    }

    @Test
    void withoutSiblingContextOnlyTheChangedFileIsAnalysed() throws IOException {
        repo.write("drm/msm/gem.c", SIX_LINES.replace("e\n", "E\n"));
        PerFileEngine engine = new PerFileEngine();
        check(engine, "--changed", "HEAD", "--no-sibling-context", root.toString());
        assertEquals(List.of(at("drm/msm/gem.c")), engine.paths);
    }

    @Test
    void contextDirectoryIsAnalysedButNotReported() throws IOException {
        repo.write("drm/msm/adreno/a6xx.c", SIX_LINES + "g\n");
        PerFileEngine engine = new PerFileEngine();
        Outcome o = check(engine, "--changed", "HEAD", "--no-sibling-context", "--context", at("drm/msm").toString(),
                root.toString());
        assertEquals(List.of(at("drm/msm/adreno/a6xx.c"), at("drm/msm/gem.c"), at("drm/msm/gpu.c"),
                at("drm/msm/ring.c")), engine.paths, "the changed file is analysed once, as a reported file");
        assertEquals(List.of(at("drm/msm/adreno/a6xx.c").toString()), reportedFiles(o));
    }

    @Test
    void diffOnlyKeepsFindingsOnChangedLines() throws IOException {
        repo.write("drm/msm/gem.c", SIX_LINES.replace("e\n", "E\n"));
        repo.write("drm/new.c", SIX_LINES); // untracked: every line is new
        Outcome o = check(new PerFileEngine(), "--diff-only", root.toString());
        assertEquals(List.of(at("drm/msm/gem.c") + ":5:1: warning: unlocked read [LC001]",
                at("drm/new.c") + ":2:1: warning: unlocked read [LC001]",
                at("drm/new.c") + ":5:1: warning: unlocked read [LC001]"),
                o.out().lines().filter(l -> l.contains("[LC001]")).toList());
        assertEquals(1, o.exit());
    }

    @Test
    void diffOnlyWithNoChangedLineWithAFindingPasses() throws IOException {
        repo.write("drm/msm/gem.c", SIX_LINES.replace("c\n", "C\n"));
        Outcome o = check(new PerFileEngine(), "--diff-only", root.toString());
        assertEquals(0, o.exit(), o.out());
        assertEquals(List.of(at("drm/msm/gem.c") + ": warning: function cut short"), o.out().lines().toList());
    }

    @Test
    void pathsNarrowTheChangedFiles() throws IOException {
        repo.write("drm/msm/gem.c", SIX_LINES + "g\n");
        repo.write("drm/core.c", SIX_LINES + "g\n");
        Outcome o = check(new PerFileEngine(), "--changed", "HEAD", at("drm/msm").toString());
        assertEquals(List.of(at("drm/msm/gem.c").toString()), reportedFiles(o));
    }

    @Test
    void stagedLeavesOutUntrackedAndUnstagedFilesAndWarnsAboutPartlyStagedOnes() throws Exception {
        repo.write("drm/msm/gem.c", SIX_LINES + "g\n");
        repo.git("add", "drm/msm/gem.c");
        repo.write("drm/msm/gem.c", SIX_LINES + "g\nh\n");
        repo.write("drm/core.c", SIX_LINES + "g\n"); // unstaged
        repo.write("drm/scratch.c", SIX_LINES); // untracked
        Outcome o = check(new PerFileEngine(), "--staged", "--no-sibling-context", root.toString());
        assertEquals(List.of(at("drm/msm/gem.c").toString()), reportedFiles(o));
        assertEquals(List.of("lockcheck: warning: " + at("drm/msm/gem.c")
                + " also has unstaged edits; the working-tree version is checked"), o.errLines());
    }

    @Test
    void missingPathDoesNotWidenToTheWholeWorkTree() throws IOException {
        repo.write("drm/core.c", SIX_LINES + "g\n");
        PerFileEngine engine = new PerFileEngine();
        Outcome o = check(engine, "--changed", "HEAD", at("drm/typo").toString());
        assertEquals(2, o.exit());
        assertEquals(List.of(), engine.paths);
        assertEquals(List.of("lockcheck: error: no such file or directory: " + at("drm/typo")), o.errLines());
    }

    @Test
    void nothingChangedIsCleanWithANotice() {
        PerFileEngine engine = new PerFileEngine();
        Outcome o = check(engine, "--changed", "HEAD", root.toString());
        assertEquals(0, o.exit());
        assertEquals(List.of(), engine.paths);
        assertEquals(List.of("lockcheck: no C files changed against HEAD"), o.errLines());
    }

    @Test
    void siblingContextForPlainPaths() {
        PerFileEngine engine = new PerFileEngine();
        Outcome o = check(engine, "--sibling-context", at("drm/msm/ring.c").toString());
        assertEquals(List.of(at("drm/msm/ring.c"), at("drm/msm/gem.c"), at("drm/msm/gpu.c")), engine.paths);
        assertEquals(List.of(at("drm/msm/ring.c").toString()), reportedFiles(o));
    }

    @Test
    void plainPathsAreAnalysedAsBeforeWithoutScopeOptions() {
        PerFileEngine engine = new PerFileEngine();
        check(engine, at("drm/msm/ring.c").toString(), at("drm").toString());
        assertEquals(List.of(at("drm/msm/ring.c"), at("drm")), engine.paths);
    }

    @Test
    void outsideAGitWorkTreeIsAUsageError() throws IOException {
        Path plain = Files.createDirectories(tmp.resolve("elsewhere").resolve("x"));
        Files.delete(root.resolve(".git").resolve("HEAD")); // the temp repo is no longer a repository
        Outcome o = check(new PerFileEngine(), "--changed", "HEAD", plain.toString());
        assertEquals(2, o.exit());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.err().startsWith("lockcheck: error: --changed: not in a git work tree: "), o.err());
    }

    @Test
    void badRevisionIsAUsageError() {
        PerFileEngine engine = new PerFileEngine();
        Outcome o = check(engine, "--changed", "v99", root.toString());
        assertEquals(2, o.exit());
        assertEquals(List.of("lockcheck: error: --changed: bad revision 'v99'"), o.errLines());
        assertEquals(null, engine.paths, "nothing is analysed");
    }

    @Test
    void pathTakenForTheRevisionGetsAHint() {
        Outcome o = check(new PerFileEngine(), "--changed", root.toString());
        assertEquals(2, o.exit());
        assertEquals(List.of("lockcheck: error: --changed: bad revision '" + root
                + "'; to check changes under a path, write --changed HEAD " + root), o.errLines());
    }

    @Test
    void missingContextIsAUsageError() {
        Outcome o = check(new PerFileEngine(), "--context", at("nope").toString(), at("drm/core.c").toString());
        assertEquals(2, o.exit());
        assertEquals(List.of("lockcheck: error: --context: no such file or directory: " + at("nope")), o.errLines());
    }

    @Test
    void pathIsRequiredWithoutChanged() {
        Outcome o = check(new PerFileEngine());
        assertEquals(2, o.exit());
        assertTrue(o.err().contains("missing required parameter: 'PATH' (or use --changed)"), o.err());
    }
}
