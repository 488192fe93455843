package io.lockcheck.rules.kernel;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.RuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precise mode ({@code --kernel-tree}) on the unbuilt Linux 6.12 tree: a fixed sample of 50
 * files spread over {@code drivers/gpu/drm} (every n-th of the sorted list) must parse with at
 * least 99.5% of function bodies free of problem nodes, and drm_gem.c must give the same seed
 * findings as fast mode. Prints the parse-and-analyse time per file in both modes.
 */
class PreciseModeIT {
    private static final double MIN_FIDELITY = 0.995;
    private static final int SAMPLE = 50;

    private static Path tree;
    private static List<Path> sample;
    private static AnalysisResult precise;

    static List<Path> sample(Path tree) throws IOException {
        List<Path> all;
        try (Stream<Path> s = Files.walk(tree.resolve("drivers/gpu/drm"))) {
            all = s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
        List<Path> out = new ArrayList<>();
        int step = all.size() / SAMPLE;
        for (int i = 0; i < SAMPLE; i++) out.add(all.get(i * step));
        return out;
    }

    private static AnalysisResult analyze(AnalyzerOptions options, List<Path> files) {
        return new Analyzer(RuleSet.loadAll(), options).analyze(files);
    }

    @BeforeAll
    static void analyseOnce() throws IOException {
        tree = DrmTreeIT.kernelTree();
        sample = sample(tree);
        long t0 = System.nanoTime();
        precise = analyze(AnalyzerOptions.defaults().withPrecise(tree, null), sample);
        long t1 = System.nanoTime();
        AnalysisResult fast = analyze(AnalyzerOptions.defaults(), sample);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "precise mode, %d drm files: %.2f s per file (%d functions, fidelity %.4f); "
                        + "fast mode: %.2f s per file (%d functions, fidelity %.4f)%n", sample.size(),
                (t1 - t0) / 1e9 / sample.size(), precise.stats().functions(), precise.stats().fidelity(),
                (t2 - t1) / 1e9 / sample.size(), fast.stats().functions(), fast.stats().fidelity());
    }

    @Test
    void sampleParsesWithAtLeast99Point5PercentFidelity() {
        double fidelity = precise.stats().fidelity();
        assertTrue(precise.stats().functions() > 500, "the sample has over 500 functions: " + precise.stats().functions());
        assertTrue(fidelity >= MIN_FIDELITY, String.format(Locale.ROOT, "precise fidelity %.4f < %.3f (%d of %d functions "
                        + "with problem nodes):%n%s", fidelity, MIN_FIDELITY, precise.stats().functionsWithProblems(),
                precise.stats().functions(), precise.notifications().stream().map(Notification::toString)
                        .collect(Collectors.joining("\n"))));
    }

    @Test
    void sampleIsAnalysedWithoutErrors() {
        List<Notification> errors = precise.notifications().stream().filter(n -> n.level() == Level.ERROR).toList();
        assertTrue(errors.isEmpty(), () -> errors.stream().map(Notification::toString).collect(Collectors.joining("\n")));
        assertEquals(0, precise.stats().filesFailed());
    }

    @Test
    void drmGemSeedFindingsMatchFastMode() {
        Path gem = tree.resolve("drivers/gpu/drm/drm_gem.c");
        AnalysisResult p = analyze(AnalyzerOptions.defaults().withPrecise(tree, null), List.of(gem));
        AnalysisResult f = analyze(AnalyzerOptions.defaults(), List.of(gem));
        for (String rule : List.of("LC003", "LC007")) {
            assertTrue(p.findings().stream().anyMatch(x -> x.ruleId().equals(rule) && "drm_gem_lru_remove".equals(x.function())),
                    () -> "no " + rule + " in drm_gem_lru_remove() in precise mode:\n" + DrmTreeIT.describe(p.findings()));
        }
        assertEquals(lines(f.findings()), lines(p.findings()), "precise and fast mode agree on drm_gem.c");
        assertEquals(1.0, p.stats().fidelity(), "drm_gem.c parses fully with its headers");
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(x -> x.location() + " [" + x.ruleId() + "] " + x.message()).toList();
    }
}
