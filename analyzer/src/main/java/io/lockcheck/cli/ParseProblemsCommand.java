package io.lockcheck.cli;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.frontend.CParser;
import io.lockcheck.frontend.ProblemCensus;
import io.lockcheck.frontend.ProblemCensus.FileCensus;
import io.lockcheck.frontend.ProblemCensus.Problem;
import io.lockcheck.frontend.SourceSet;
import io.lockcheck.frontend.SourceText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code lockcheck parse-problems PATH...} (hidden, for developers): the most frequent causes of
 * CDT problem nodes, to decide what the kernel prelude (or precise mode) should handle next.
 */
@Command(name = "parse-problems", hidden = true,
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = "List the most frequent causes of parse problems (by the identifier that starts them).")
final class ParseProblemsCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "C files or directories.")
    private List<Path> paths;

    @Mixin
    private AnalysisOptions analysis = new AnalysisOptions();

    @Option(names = "--top", paramLabel = "N", description = "Show the N most frequent causes (default: ${DEFAULT-VALUE}).")
    private int top = 40;

    @Option(names = "--examples", paramLabel = "N", description = "Examples per cause (default: ${DEFAULT-VALUE}).")
    private int examples = 2;

    @Option(names = "--list", description = "Print every problem node (key, scope, file:line, excerpt; tab-separated).")
    private boolean list;

    /** Per key: bodies in which it occurs, file-scope occurrences, examples. */
    private static final class Cause {
        final Set<String> bodies = new java.util.HashSet<>();
        int fileScope;
        final List<Problem> samples = new ArrayList<>();
    }

    @Override
    public Integer call() throws Exception {
        AnalyzerOptions options = analysis.toOptions(spec, Set.of());
        CParser parser = CParser.of(options);
        List<Path> files = SourceSet.expand(paths).files();
        List<FileCensus> census = census(files, parser, options.jobs());
        int functions = 0, bad = 0;
        Map<String, Cause> causes = new HashMap<>();
        for (FileCensus c : census) {
            if (c == null) continue;
            functions += c.functions();
            bad += c.badFunctions();
            for (Problem p : c.problems()) {
                Cause cause = causes.computeIfAbsent(p.key(), k -> new Cause());
                if (p.scope() == ProblemCensus.Scope.FILE) cause.fileScope++;
                else cause.bodies.add(p.where().replaceAll(":\\d+$", "") + "@" + p.function());
                if (cause.samples.size() < examples) cause.samples.add(p);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (FileCensus c : census) {
                if (c == null) continue;
                for (Problem p : c.problems()) out.println(p.key() + "\t" + p.scope() + "\t" + p.where() + "\t" + p.excerpt());
            }
        }
        out.printf(Locale.ROOT, "%d files, %d functions, %d with problem nodes, fidelity %.2f%%%n", files.size(), functions,
                bad, functions == 0 ? 100.0 : 100.0 * (functions - bad) / functions);
        out.println("functions / file-scope problems  cause");
        causes.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Cause>>comparingInt(e -> -(e.getValue().bodies.size() + e.getValue().fileScope))
                        .thenComparing(Map.Entry::getKey))
                .limit(top)
                .forEach(e -> {
                    out.printf(Locale.ROOT, "%7d %7d  %s%n", e.getValue().bodies.size(), e.getValue().fileScope, e.getKey());
                    for (Problem p : e.getValue().samples) out.printf("                   %s: %s%n", p.where(), p.excerpt());
                });
        out.flush();
        return ExitCodes.OK;
    }

    /** Parses every file on {@code jobs} big-stack threads; a file that cannot be parsed is null. */
    private static List<FileCensus> census(List<Path> files, CParser parser, int jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs),
                r -> new Thread(null, r, "lockcheck-census", 512L << 20));
        try {
            List<Future<FileCensus>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> {
                    try {
                        SourceText src = SourceText.read(f);
                        return ProblemCensus.of(parser.parse(src), src);
                    } catch (Exception | StackOverflowError e) {
                        return null;
                    }
                }));
            }
            List<FileCensus> out = new ArrayList<>();
            for (Future<FileCensus> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
