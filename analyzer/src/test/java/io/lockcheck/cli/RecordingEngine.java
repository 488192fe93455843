package io.lockcheck.cli;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.Stats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An engine that returns a canned result and remembers what the CLI asked of it. */
final class RecordingEngine implements Engine {
    private final AnalysisResult result;
    AnalyzerOptions options;
    List<Path> paths;
    List<Rule> rules;
    int analyses;

    RecordingEngine(AnalysisResult result) {
        this.result = result;
    }

    /** One analysed file, no findings, no notifications. */
    static RecordingEngine clean() {
        return new RecordingEngine(result(List.of(), List.of()));
    }

    static RecordingEngine withFindings(Level... levels) {
        List<Finding> findings = new java.util.ArrayList<>();
        int line = 1;
        for (Level level : levels) {
            findings.add(finding("LC008", level, line++));
        }
        return new RecordingEngine(result(findings, List.of()));
    }

    static AnalysisResult result(List<Finding> findings, List<Notification> notifications) {
        return new AnalysisResult(List.of(), findings, notifications, new Stats(1, 0, 4, 1, 120));
    }

    static Finding finding(String ruleId, Level level, int line) {
        return new Finding(ruleId, level, Location.point(Path.of("drm/gem.c"), line, 5),
                "second acquire of 'lru->lock'", "bad_double_lock", List.of(), List.of(), Map.of(), null, "fp" + line);
    }

    @Override
    public AnalysisResult analyze(List<Rule> rules, AnalyzerOptions options, List<Path> paths) {
        this.rules = rules;
        this.options = options;
        this.paths = paths;
        analyses++;
        return result;
    }

    @Override
    public String dumpCfg(Path file, String function) throws IOException {
        if ("absent".equals(function)) {
            throw new IllegalArgumentException("no function absent");
        }
        return "cfg " + file.getFileName() + (function == null ? "" : " " + function);
    }
}
