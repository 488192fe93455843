package io.lockcheck.cli;

import io.lockcheck.AnalyzerOptions;
import io.lockcheck.lsp.AnalysisScope;
import io.lockcheck.lsp.LockcheckServer;
import io.lockcheck.rule.Rule;
import io.lockcheck.spec.SpecError;
import io.lockcheck.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code lockcheck lsp}: the Language Server on stdin and stdout, for editors. */
@Command(name = "lsp",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = {"Run a Language Server (LSP) on stdin and stdout: an editor starts it and gets",
                "diagnostics for a C file when it is opened and when it is saved, and the rule's help on hover."},
        footer = {"", "Exit codes:",
                "  0  the client sent shutdown, then exit",
                "  1  the client sent exit without shutdown, or closed the connection",
                "  2  usage or configuration error: bad option, unknown rule, malformed spec"})
final class LspCommand implements Callable<Integer> {
    private final CliContext context;
    private final InputStream in;
    private final PrintStream out;

    @Spec
    private CommandSpec spec;

    @Mixin
    private AnalysisOptions analysis = new AnalysisOptions();

    @Option(names = "--rules", paramLabel = "ID", split = ",",
            description = "Run only these rules (ids or names, comma-separated; default: all).")
    private List<String> ruleSelection = new ArrayList<>();

    @Option(names = "--context", paramLabel = "SCOPE", defaultValue = "directory", converter = ScopeConverter.class,
            description = "What is analysed with a file: 'directory' (the other *.c files beside it, for the "
                    + "contracts and guards they define) or 'file' (it alone; faster). Default: ${DEFAULT-VALUE}.")
    private AnalysisScope scope;

    LspCommand(CliContext context, InputStream in, PrintStream out) {
        this.context = context;
        this.in = in;
        this.out = out;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Rule> rules = context.rules().get();
        AnalyzerOptions options = analysis.toOptions(spec, RuleSelection.resolve(spec, rules, ruleSelection));
        for (Path s : analysis.specFiles) {
            try {
                SpecLoader.load(s); // malformed: one line with file:line:col, before any editor waits on us
            } catch (SpecError e) {
                err.println("lockcheck: error: " + e.oneLine());
                return ExitCodes.USAGE;
            }
        }
        if (rules.isEmpty()) {
            err.println("lockcheck: warning: no rules are installed; nothing can be reported");
        }
        if (out == System.out) {
            // stdout carries the protocol: a stray print from any library would corrupt it.
            System.setOut(System.err);
        }
        return new LockcheckServer(rules, options, scope, ToolVersion.current()).serve(in, out);
    }

    static final class ScopeConverter implements ITypeConverter<AnalysisScope> {
        @Override
        public AnalysisScope convert(String value) {
            for (AnalysisScope s : AnalysisScope.values()) {
                if (s.name().equalsIgnoreCase(value)) return s;
            }
            throw new TypeConversionException("expected directory or file but was '" + value + "'");
        }
    }
}
