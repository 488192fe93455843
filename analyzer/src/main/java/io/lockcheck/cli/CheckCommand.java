package io.lockcheck.cli;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.report.AtomicOutput;
import io.lockcheck.report.Report;
import io.lockcheck.report.ReportOptions;
import io.lockcheck.report.Reports;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lockcheck check PATH...}: analyse, write the report, turn the result into an exit code. */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = "Analyse C files (directories are searched for *.c) and report locking mistakes.",
        footer = {"", "Exit codes:",
                "  0  nothing at or above --fail-on",
                "  1  findings at or above --fail-on",
                "  2  usage or configuration error: bad option, unknown rule, unreadable spec",
                "     or baseline, missing path (the other paths are still analysed and reported)",
                "  3  a file could not be analysed (the report says which)",
                "When several apply the first of 2, 3, 1 wins."})
final class CheckCommand implements Callable<Integer> {
    private final CliContext context;
    /** The report goes to the byte stream, always UTF-8, whatever the platform charset. */
    private final PrintStream reportStream;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "C files or directories (optional with --changed).")
    private List<Path> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = OutputFormat.Converter.class, completionCandidates = OutputFormat.Words.class,
            description = "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (replaced atomically) instead of stdout.")
    private Path output;

    @Option(names = "--srcroot", paramLabel = "DIR",
            description = "Show paths relative to DIR (in SARIF: URIs relative to %%SRCROOT%%).")
    private Path srcroot;

    @Mixin
    private AnalysisOptions analysis = new AnalysisOptions();

    @Mixin
    private ScopeOptions scope = new ScopeOptions();

    @Mixin
    private ResultOptions shown = new ResultOptions();

    @Option(names = "--rules", paramLabel = "ID", split = ",",
            description = "Run only these rules (ids or names, comma-separated; default: all).")
    private List<String> ruleSelection = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "warning", converter = FailOn.Converter.class,
            description = "Exit 1 when a finding is at least this severe: error, warning, note or none "
                    + "(default: ${DEFAULT-VALUE}).")
    private FailOn failOn;

    @Option(names = "--reproducible", description = "Leave the start time out of the SARIF report, so that the "
            + "same input gives a byte-identical report (text and gcc reports never have one).")
    private boolean reproducible;

    /** When the run started: SARIF's invocations[0].startTimeUtc, the one timestamp lockcheck writes. */
    private final java.time.Instant started = java.time.Instant.now();

    @Option(names = "--stats", description = "Print run statistics: files, functions, parse fidelity "
            + "(a line in the text report; on stderr for the other formats).")
    private boolean stats;


    CheckCommand(CliContext context, PrintStream reportStream) {
        this.context = context;
        this.reportStream = reportStream;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (paths.isEmpty() && scope.revision() == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'PATH' (or use --changed)");
        }
        List<Rule> rules = context.rules().get();
        AnalyzerOptions options = analysis.toOptions(spec, RuleSelection.resolve(spec, rules, ruleSelection));
        options = options.withSymlinks(srcroot, options.followSymlinks());
        if (!configurationReadable(err)) {
            return ExitCodes.USAGE;
        }
        if (rules.isEmpty()) {
            err.println("lockcheck: warning: no rules are installed; nothing can be reported");
        }

        // A missing path is reported and the rest still analysed: one typo should not hide the
        // findings in every other file, but the run still fails as a usage error.
        int exit = ExitCodes.OK;
        List<Path> existing = new ArrayList<>();
        for (Path p : paths) {
            if (Files.exists(p)) {
                existing.add(p);
            } else {
                err.println("lockcheck: error: no such file or directory: " + p);
                exit = ExitCodes.USAGE;
            }
        }

        ScopeOptions.AnalysisScope scoped;
        try {
            scoped = scope.resolve(existing, !paths.isEmpty(), err);
        } catch (ScopeOptions.ScopeError e) {
            err.println("lockcheck: error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (scoped.notice() != null) {
            err.println("lockcheck: " + scoped.notice());
        }
        // the changed-files scope first, then suppressions and the baseline on what is left
        AnalysisResult result = shown.shown(scoped.report().apply(context.engine().analyze(rules, options,
                scoped.analysed())), format);
        try {
            writeReport(result);
        } catch (IOException e) {
            err.println("lockcheck: error: cannot write " + (output == null ? "the report" : output) + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (stats && format != OutputFormat.TEXT && result.stats() != null) {
            err.println("lockcheck: " + statsLine(result.stats()));
        }
        if (output != null || format == OutputFormat.SARIF) {
            // The report is not in front of a human: files that could not be analysed (exit 3)
            // must still be named on the terminal or CI log.
            result.notifications().stream().filter(n -> n.level() == Level.ERROR).forEach(n -> err.println(n));
        }
        if (!existing.isEmpty() && scoped.notice() == null && result.stats() != null && result.stats().files() == 0
                && result.notifications().isEmpty()) {
            err.println("lockcheck: no C files found in the given paths");
        }
        return ExitCodes.worst(exit, outcome(result));
    }

    /** 3 when a file could not be analysed, else 1 when a finding reaches --fail-on, else 0. */
    private int outcome(AnalysisResult result) {
        for (Notification n : result.notifications()) {
            if (n.level() == Level.ERROR) {
                return ExitCodes.ANALYSIS_FAILED;
            }
        }
        for (Finding f : result.findings()) {
            if (failOn.failsOn(f.level())) {
                return ExitCodes.FINDINGS;
            }
        }
        return ExitCodes.OK;
    }

    /**
     * Checks, before a possibly long analysis, the files and directories the options name: a spec
     * that cannot be read or a report that cannot be written is a configuration error.
     */
    private boolean configurationReadable(PrintWriter err) {
        boolean ok = true;
        for (Path s : analysis.specFiles) {
            try {
                io.lockcheck.spec.SpecLoader.load(s); // malformed: one line with file:line:col, exit 2
            } catch (io.lockcheck.spec.SpecError e) {
                err.println("lockcheck: error: " + e.oneLine());
                ok = false;
            }
        }
        if (srcroot != null && !Files.isDirectory(srcroot)) {
            err.println("lockcheck: error: --srcroot is not a directory: " + srcroot);
            ok = false;
        }
        if (output != null) {
            Path dir = output.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir) || Files.isDirectory(output)) {
                err.println("lockcheck: error: cannot write report to " + output);
                ok = false;
            }
        }
        ok &= shown.readable(err);
        for (Path dir : analysis.includeDirs) {
            if (!Files.isDirectory(dir)) {
                // gcc accepts missing -I directories (build systems pass generated ones); so do we.
                err.println("lockcheck: warning: include directory not found: " + dir);
            }
        }
        return ok;
    }

    private void writeReport(AnalysisResult result) throws IOException {
        Report report = Reports.forFormat(format.word());
        ReportOptions options = new ReportOptions(srcroot, ToolVersion.current(), stats && format == OutputFormat.TEXT,
                ToolVersion.informationUri(), reproducible ? null : started, shown.category, shown.includeSuppressed);
        if (output != null) {
            AtomicOutput.write(output, w -> report.write(result, options, w));
        } else {
            Writer w = new OutputStreamWriter(reportStream, StandardCharsets.UTF_8);
            report.write(result, options, w);
            w.flush(); // not close: that would close stdout
        }
    }

    /**
     * The text report's stats line, for formats that cannot carry it. Rendered by the text report
     * itself (its last line with stats on) so the two never drift apart.
     */
    static String statsLine(Stats s) throws IOException {
        StringWriter text = new StringWriter();
        AnalysisResult statsOnly = new AnalysisResult(List.of(), List.of(), List.of(), s);
        Reports.forFormat(OutputFormat.TEXT.word()).write(statsOnly, new ReportOptions(null, "", true), text);
        List<String> lines = text.toString().lines().toList();
        return lines.get(lines.size() - 1);
    }

}
