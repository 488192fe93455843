package io.lockcheck.rules;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import io.lockcheck.report.ReportOptions;
import io.lockcheck.report.Reports;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.RuleSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contracts are computed bottom-up over the call graph and rules run in parallel, yet the
 * report must not depend on the number of jobs, on the order the files are named in, or on the
 * JVM's default locale. The jar-level half (default charset, LANG=C, {@code --reproducible}) is
 * {@code DeterminismIT}. When an incremental cache exists, a run from a warm cache belongs here
 * too: it must give the same bytes as a cold run.
 */
class DeterminismTest {
    private static final List<String> FORMATS = List.of("sarif", "text", "gcc");

    private static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.walk(SamplesTest.samplesDir())) {
            return new ArrayList<>(s.filter(p -> p.toString().endsWith(".c")).sorted().toList());
        }
    }

    @Test
    void reportsAreIdenticalForOneAndTwoJobsAndShuffledFiles() throws IOException {
        List<Path> files = samples();
        List<String> one = reports(files, 1);
        Collections.shuffle(files, new Random(42));
        List<String> two = reports(files, 2);
        assertTrue(one.get(0).contains("\"ruleId\""), "the samples produce findings");
        assertEquals(one, two);
    }

    @Test
    void reportsDoNotDependOnTheDefaultLocale() throws IOException {
        List<Path> files = samples();
        Locale before = Locale.getDefault();
        List<String> root;
        List<String> turkish;
        try {
            Locale.setDefault(Locale.ROOT);
            root = reports(files, 2);
            // Turkish upper-cases 'i' to dotted 'İ' and lower-cases 'I' to dotless 'ı'; German
            // below formats 1000.5 as "1.000,5": both break naive toUpperCase()/format() calls.
            Locale.setDefault(new Locale("tr", "TR"));
            turkish = reports(files, 2);
            Locale.setDefault(Locale.GERMANY);
            assertEquals(root, reports(files, 1));
        } finally {
            Locale.setDefault(before);
        }
        assertEquals(root, turkish);
    }

    @Test
    void reportsAreIdenticalWhenEveryCfgIsPackedBetweenUses() throws IOException {
        List<Path> files = samples();
        List<String> unpacked = reports(files, 2);
        try {
            // one unit: each CFG is packed as soon as another is used, and unpacked at its next use
            io.lockcheck.cfg.Cfg.unpackedBudget(1);
            assertEquals(unpacked, reports(files, 2));
            assertEquals(unpacked, reports(files, 1));
        } finally {
            io.lockcheck.cfg.Cfg.unpackedBudget(-1);
        }
    }

    private static List<String> reports(List<Path> files, int jobs) throws IOException {
        AnalysisResult r = new Analyzer(RuleSet.loadAll(), AnalyzerOptions.defaults().withJobs(jobs)).analyze(files);
        List<String> out = new ArrayList<>();
        for (String format : FORMATS) {
            StringWriter w = new StringWriter();
            Reports.forFormat(format).write(r, new ReportOptions(null, "test", true), w);
            out.add(w.toString());
        }
        return out;
    }
}
