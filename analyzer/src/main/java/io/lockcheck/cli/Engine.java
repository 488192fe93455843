package io.lockcheck.cli;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Rule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the commands need from the analysis engine. The CLI's own tests replace it to exercise
 * exit codes and output without parsing any C; the real one is {@link #analyzer()}.
 */
interface Engine {
    AnalysisResult analyze(List<Rule> rules, AnalyzerOptions options, List<Path> paths);

    /** {@link Analyzer#dumpCfg}: IllegalArgumentException when the function is not in the file. */
    String dumpCfg(Path file, String function) throws IOException;

    static Engine analyzer() {
        return new Engine() {
            @Override
            public AnalysisResult analyze(List<Rule> rules, AnalyzerOptions options, List<Path> paths) {
                return new Analyzer(rules, options).analyze(paths);
            }

            @Override
            public String dumpCfg(Path file, String function) throws IOException {
                // A CFG does not depend on the rules, so none are loaded.
                return new Analyzer(List.of(), AnalyzerOptions.defaults()).dumpCfg(file, function);
            }
        };
    }
}
