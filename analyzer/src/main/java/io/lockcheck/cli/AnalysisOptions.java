package io.lockcheck.cli;

import io.lockcheck.AnalyzerOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The options every analysing command shares (a picocli mixin of check and guards). */
final class AnalysisOptions {
    @Option(names = "--spec", paramLabel = "FILE", description = "A lock spec (YAML); repeatable.")
    List<Path> specFiles = new ArrayList<>();

    @Option(names = "-I", paramLabel = "DIR", description = "Add an include directory; repeatable.")
    List<Path> includeDirs = new ArrayList<>();

    @Option(names = "-D", paramLabel = "NAME[=V]", description = "Define a macro (V defaults to 1); repeatable.")
    List<String> defines = new ArrayList<>();

    @Option(names = "--kernel-tree", paramLabel = "DIR",
            description = "Precise mode: parse with the headers of this Linux source tree and kbuild's x86-64 flags.")
    Path kernelTree;

    @Option(names = "--compile-commands", paramLabel = "FILE",
            description = "Precise mode: each file's -I, -D and -include from this compile_commands.json.")
    Path compileCommands;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Parse N files in parallel (default: the number of processors). "
                    + "Results do not depend on N.")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-file-size", paramLabel = "BYTES",
            description = "Skip larger files with a notification (default: ${DEFAULT-VALUE}).")
    long maxFileBytes = AnalyzerOptions.DEFAULT_MAX_FILE_BYTES;

    @Option(names = "--infer-min-writes", paramLabel = "N",
            description = "Infer a field's guard only from at least N writes with the lock held (default: ${DEFAULT-VALUE}).")
    int inferMinWrites = AnalyzerOptions.DEFAULT_INFER_MIN_WRITES;

    @Option(names = "--infer-min-share", paramLabel = "PERCENT",
            description = "... and only when the lock is held in at least PERCENT of the field's writes "
                    + "(default: ${DEFAULT-VALUE}).")
    int inferMinShare = (int) Math.round(AnalyzerOptions.DEFAULT_INFER_MIN_SHARE * 100);

    @Option(names = "--function-budget", paramLabel = "STEPS",
            description = "Stop analysing a function after STEPS dataflow steps (a statement costs one "
                    + "plus the locks and facts it carries), with a notification (default: ${DEFAULT-VALUE}).")
    long functionBudget = AnalyzerOptions.DEFAULT_FUNCTION_BUDGET;

    @Option(names = "--parse-timeout", paramLabel = "SECONDS",
            description = "Skip a file, with a notification, when parsing it takes longer (default: ${DEFAULT-VALUE}).")
    double parseTimeoutSeconds = AnalyzerOptions.DEFAULT_PARSE_TIMEOUT_MILLIS / 1000.0;

    @Option(names = "--follow-symlinks",
            description = "Follow symbolic links that lead out of --srcroot (or out of the directory given).")
    boolean followSymlinks;

    @Option(names = "--no-cache", description = "Parse every file again and store nothing in the incremental cache.")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Keep the incremental cache in DIR "
            + "(default: $LOCKCHECK_CACHE_DIR, else $XDG_CACHE_HOME/lockcheck, else ~/.cache/lockcheck).")
    Path cacheDir;

    /** The cache directory of this run, or null: --no-cache, or a development build without --cache-dir. */
    private Path cacheDir() {
        if (noCache) return null;
        return cacheDir != null ? cacheDir : io.lockcheck.cache.IncrementalCache.defaultDirForProduct(List.of(AnalysisOptions.class));
    }

    /** The analyzer options; a non-positive count is a usage error. */
    AnalyzerOptions toOptions(CommandSpec spec, Set<String> rules) {
        if (inferMinShare < 1 || inferMinShare > 100) {
            throw new ParameterException(spec.commandLine(),
                    "invalid value for option '--infer-min-share': must be 1 to 100 but was " + inferMinShare);
        }
        PreciseOptions.check(spec, kernelTree, compileCommands);
        return new AnalyzerOptions(positive(spec, "--jobs", jobs), includeDirs, MacroDefines.parse(spec, defines), rules,
                specFiles, positive(spec, "--max-file-size", maxFileBytes), positive(spec, "--infer-min-writes", inferMinWrites),
                inferMinShare / 100.0)
                .withLimits(maxFileBytes, positive(spec, "--function-budget", functionBudget), parseMillis(spec))
                .withSymlinks(null, followSymlinks)
                .withPrecise(kernelTree, compileCommands)
                .withCacheDir(cacheDir());
    }

    private long parseMillis(CommandSpec spec) {
        if (!(parseTimeoutSeconds > 0) || parseTimeoutSeconds > 1e9) {
            throw new ParameterException(spec.commandLine(),
                    "invalid value for option '--parse-timeout': must be a positive number of seconds but was "
                            + parseTimeoutSeconds);
        }
        return Math.max(1, Math.round(parseTimeoutSeconds * 1000));
    }

    private static <N extends Number> N positive(CommandSpec spec, String option, N value) {
        if (value.longValue() < 1) {
            throw new ParameterException(spec.commandLine(),
                    "invalid value for option '" + option + "': must be at least 1 but was " + value);
        }
        return value;
    }
}
