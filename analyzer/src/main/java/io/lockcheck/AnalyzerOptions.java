package io.lockcheck;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Options of one analysis run. {@code rules} empty means all rules. {@code maxFileBytes}: larger
 * files are skipped with a notification (the kernel's largest hand-written C file is ~1 MB;
 * generated register headers are larger but have no locking). {@code functionBudget}: dataflow
 * steps per function before its analysis stops with a notification. {@code parseTimeoutMillis}:
 * CDT's parse of one file is cut short after this long (the file is skipped with a notification).
 * {@code srcroot} (may be null) and {@code followSymlinks}: see {@link io.lockcheck.frontend.SourceSet}.
 * {@code kernelTree} and {@code compileCommands} (either may be null) select precise mode: real
 * kernel headers. {@code cacheDir}: where the incremental cache lives, null for none.
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
        long functionBudget,
        long parseTimeoutMillis,
        Path srcroot,
        boolean followSymlinks,
        Path kernelTree,
        Path compileCommands,
        Path cacheDir) {

    public static final long DEFAULT_MAX_FILE_BYTES = 8L << 20;
    /** Guard inference defaults: see README "Guard inference" for the measurement behind them. */
    public static final int DEFAULT_INFER_MIN_WRITES = 3;
    public static final double DEFAULT_INFER_MIN_SHARE = 0.75;
    /** Every Linux 6.12 DRM function needs fewer than 20,000 steps; see README "Robustness". */
    public static final long DEFAULT_FUNCTION_BUDGET = 200_000;
    /** All Linux 6.12 DRM files but one parse within 1 s on a loaded 2-core machine; see README "Robustness". */
    public static final long DEFAULT_PARSE_TIMEOUT_MILLIS = 60_000;

    public AnalyzerOptions(int jobs, List<Path> includeDirs, Map<String, String> defines, Set<String> rules,
                           List<Path> specFiles, long maxFileBytes) {
        this(jobs, includeDirs, defines, rules, specFiles, maxFileBytes, DEFAULT_INFER_MIN_WRITES, DEFAULT_INFER_MIN_SHARE);
    }

    public AnalyzerOptions(int jobs, List<Path> includeDirs, Map<String, String> defines, Set<String> rules,
                           List<Path> specFiles, long maxFileBytes, int inferMinWrites, double inferMinShare) {
        this(jobs, includeDirs, defines, rules, specFiles, maxFileBytes, inferMinWrites, inferMinShare,
                DEFAULT_FUNCTION_BUDGET, DEFAULT_PARSE_TIMEOUT_MILLIS, null, false, null, null, null);
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
        return new AnalyzerOptions(j, includeDirs, defines, rules, specFiles, maxFileBytes, inferMinWrites, inferMinShare,
                functionBudget, parseTimeoutMillis, srcroot, followSymlinks, kernelTree, compileCommands, cacheDir);
    }

    public AnalyzerOptions withSpecs(List<Path> s) {
        return new AnalyzerOptions(jobs, includeDirs, defines, rules, s, maxFileBytes, inferMinWrites, inferMinShare,
                functionBudget, parseTimeoutMillis, srcroot, followSymlinks, kernelTree, compileCommands, cacheDir);
    }

    public AnalyzerOptions withRules(Set<String> r) {
        return new AnalyzerOptions(jobs, includeDirs, defines, r, specFiles, maxFileBytes, inferMinWrites, inferMinShare,
                functionBudget, parseTimeoutMillis, srcroot, followSymlinks, kernelTree, compileCommands, cacheDir);
    }

    /** The same options with other limits: {@code --max-file-size}, {@code --function-budget}, {@code --parse-timeout}. */
    public AnalyzerOptions withLimits(long maxBytes, long budget, long parseMillis) {
        return new AnalyzerOptions(jobs, includeDirs, defines, rules, specFiles, maxBytes, inferMinWrites, inferMinShare,
                budget, parseMillis, srcroot, followSymlinks, kernelTree, compileCommands, cacheDir);
    }

    public AnalyzerOptions withMaxFileBytes(long m) {
        return withLimits(m, functionBudget, parseTimeoutMillis);
    }

    /** The same options with another symlink boundary: {@code --srcroot}, {@code --follow-symlinks}. */
    public AnalyzerOptions withSymlinks(Path root, boolean follow) {
        return new AnalyzerOptions(jobs, includeDirs, defines, rules, specFiles, maxFileBytes, inferMinWrites, inferMinShare,
                functionBudget, parseTimeoutMillis, root, follow, kernelTree, compileCommands, cacheDir);
    }

    /** Precise mode over a kernel tree and/or a compilation database (null: not given). */
    public AnalyzerOptions withPrecise(Path tree, Path commands) {
        return new AnalyzerOptions(jobs, includeDirs, defines, rules, specFiles, maxFileBytes, inferMinWrites, inferMinShare,
                functionBudget, parseTimeoutMillis, srcroot, followSymlinks, tree, commands, cacheDir);
    }

    public AnalyzerOptions withCacheDir(Path dir) {
        return new AnalyzerOptions(jobs, includeDirs, defines, rules, specFiles, maxFileBytes, inferMinWrites, inferMinShare,
                functionBudget, parseTimeoutMillis, srcroot, followSymlinks, kernelTree, compileCommands, dir);
    }

    public AnalyzerOptions withIncludeDirs(List<Path> dirs) {
        return new AnalyzerOptions(jobs, dirs, defines, rules, specFiles, maxFileBytes, inferMinWrites, inferMinShare,
                functionBudget, parseTimeoutMillis, srcroot, followSymlinks, kernelTree, compileCommands, cacheDir);
    }
}
