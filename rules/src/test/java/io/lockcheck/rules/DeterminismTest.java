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
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Contracts are computed bottom-up over the call graph and rules run in parallel, yet the
 * report must not depend on the number of jobs or on the order the files are named in.
 */
class DeterminismTest {
    @Test
    void sarifIsIdenticalForOneAndTwoJobsAndShuffledFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SamplesTest.samplesDir())) {
            files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".c")).sorted().toList());
        }
        String one = sarif(files, 1);
        Collections.shuffle(files, new Random(42));
        String two = sarif(files, 2);
        assertTrue(one.contains("\"ruleId\""), "the samples produce findings");
        assertEquals(one, two);
    }

    private static String sarif(List<Path> files, int jobs) throws IOException {
        AnalysisResult r = new Analyzer(RuleSet.loadAll(), AnalyzerOptions.defaults().withJobs(jobs)).analyze(files);
        StringWriter w = new StringWriter();
        Reports.forFormat("sarif").write(r, new ReportOptions(null, "test", false), w);
        return w.toString();
    }
}
