package io.lockcheck.rules;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import io.lockcheck.report.ReportOptions;
import io.lockcheck.report.Reports;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incremental cache must not change a report: with no cache, on the run that fills it, on an
 * unchanged re-run (the whole result from the cache), on a run whose options differ (every
 * file's facts from the cache), after a file changed, and with damaged entries.
 */
class CacheTest {
    @Test
    void reportIsTheSameWithAndWithoutTheCache(@TempDir Path cache, @TempDir Path tree) throws IOException {
        copySamples(tree);
        String plain = sarif(tree, options(null, 2));
        assertTrue(plain.contains("\"ruleId\""), "the samples produce findings");
        assertEquals(plain, sarif(tree, options(cache, 2)), "the run that fills the cache");
        assertTrue(entries(cache) > 1, "facts and the result were stored");
        assertEquals(plain, sarif(tree, options(cache, 1)), "unchanged re-run, one job");
        // another --max-file-size above every sample: a new run key, the same facts keys
        assertEquals(plain, sarif(tree, options(cache, 2).withMaxFileBytes(AnalyzerOptions.DEFAULT_MAX_FILE_BYTES + 1)),
                "facts from the cache");
    }

    @Test
    void changedFileIsAnalysedAgain(@TempDir Path cache, @TempDir Path tree) throws IOException {
        copySamples(tree);
        sarif(tree, options(cache, 2));
        Path changed;
        try (Stream<Path> s = Files.walk(tree)) {
            changed = s.filter(p -> p.toString().endsWith(".c")).sorted().findFirst().orElseThrow();
        }
        // a new function with a double acquire: the cached result must not hide it
        Files.writeString(changed, Files.readString(changed)
                + "\nstruct cache_test { struct mutex m; };\n"
                + "void cache_test_double(struct cache_test *t)\n{\n\tmutex_lock(&t->m);\n\tmutex_lock(&t->m);\n}\n");
        String cached = sarif(tree, options(cache, 2));
        assertTrue(cached.contains("cache_test_double"), "the new function's finding is reported");
        assertEquals(sarif(tree, options(null, 2)), cached);
    }

    @Test
    void damagedEntriesAreMisses(@TempDir Path cache, @TempDir Path tree) throws IOException {
        copySamples(tree);
        String plain = sarif(tree, options(null, 2));
        sarif(tree, options(cache, 2));
        try (Stream<Path> s = Files.walk(cache)) {
            List<Path> files = s.filter(Files::isRegularFile).sorted().toList();
            for (int i = 0; i < files.size(); i++) {
                byte[] b = Files.readAllBytes(files.get(i));
                if (i % 2 == 0) {
                    Files.write(files.get(i), java.util.Arrays.copyOf(b, b.length / 2)); // truncated
                } else {
                    b[b.length / 2] ^= 0x55; // one flipped byte
                    Files.write(files.get(i), b);
                }
            }
        }
        assertEquals(plain, sarif(tree, options(cache, 2)));
        assertEquals(plain, sarif(tree, options(cache, 2)), "the entries written again are good");
    }

    private static AnalyzerOptions options(Path cache, int jobs) {
        return AnalyzerOptions.defaults().withJobs(jobs).withCacheDir(cache);
    }

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static void copySamples(Path to) throws IOException {
        Path from = SamplesTest.samplesDir();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".c")).toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                Files.createDirectories(t.getParent());
                Files.copy(p, t);
            }
        }
    }

    private static String sarif(Path tree, AnalyzerOptions options) throws IOException {
        AnalysisResult r = new Analyzer(RuleSet.loadAll(), options).analyze(List.of(tree));
        StringWriter w = new StringWriter();
        Reports.forFormat("sarif").write(r, new ReportOptions(null, "test", false), w);
        return w.toString();
    }
}
