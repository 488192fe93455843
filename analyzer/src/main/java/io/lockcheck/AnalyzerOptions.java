package io.lockcheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of one analysis run. {@code rules} empty means all rules. {@code maxFileBytes}: larger
 * files are skipped with a notification (the kernel's largest hand-written C file is ~1 MB;
 * generated register headers are larger but have no locking). {@code cacheDir}: where the
 * incremental cache lives, null for none.
 */
public record AnalyzerOptions(
        int jobs,
        List<Path> includeDirs,
        Map<String, String> defines,
        Set<String> rules,
        List<Path> specFiles,
        long maxFileBytes,
        int inferMinWrites,
        double inferMinShare,
        Path cacheDir) {

    public static final long DEFAULT_MAX_FILE_BYTES = 8L << 20;
    /** Guard inference defaults: see README "Guard inference" for the measurement behind them. */
    public static final int DEFAULT_INFER_MIN_WRITES = 3;
    public static final double DEFAULT_INFER_MIN_SHARE = 0.75;

    public AnalyzerOptions(int jobs, List<Path> includeDirs, Map<String, String> defines, Set<String> rules,
                           List<Path> specFiles, long maxFileBytes) {
        this(jobs, includeDirs, defines, rules, specFiles, maxFileBytes, DEFAULT_INFER_MIN_WRITES, DEFAULT_INFER_MIN_SHARE);
    }

    public AnalyzerOptions(int jobs, List<Path> includeDirs, Map<String, String> defines, Set<String> rules,
                           List<Path> specFiles, long maxFileBytes, int inferMinWrites, double inferMinShare) {
        this(jobs, includeDirs, defines, rules, specFiles, maxFileBytes, inferMinWrites, inferMinShare, null);
    }

    public AnalyzerOptions {
        includeDirs = List.copyOf(includeDirs);
        defines = Map.copyOf(defines);
        rules = Set.copyOf(rules);
        specFiles = List.copyOf(specFiles);
    }

    public static AnalyzerOptions defaults() {
        return new AnalyzerOptions(Runtime.getRuntime().availableProcessors(), List.of(), Map.of(), Set.of(), List.of(),
                DEFAULT_MAX_FILE_BYTES);
    }

    public AnalyzerOptions withJobs(int j) {
        return new AnalyzerOptions(j, includeDirs, defines, rules, specFiles, maxFileBytes, inferMinWrites, inferMinShare, cacheDir);
    }

    public AnalyzerOptions withSpecs(List<Path> s) {
        return new AnalyzerOptions(jobs, includeDirs, defines, rules, s, maxFileBytes, inferMinWrites, inferMinShare, cacheDir);
    }

    public AnalyzerOptions withMaxFileBytes(long m) {
        return new AnalyzerOptions(jobs, includeDirs, defines, rules, specFiles, m, inferMinWrites, inferMinShare, cacheDir);
    }

    public AnalyzerOptions withCacheDir(Path dir) {
        return new AnalyzerOptions(jobs, includeDirs, defines, rules, specFiles, maxFileBytes, inferMinWrites, inferMinShare, dir);
    }

    public AnalyzerOptions withRules(Set<String> r) {
        return new AnalyzerOptions(jobs, includeDirs, defines, r, specFiles, maxFileBytes, inferMinWrites, inferMinShare, cacheDir);
    }
}
