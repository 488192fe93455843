package io.lockcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code lockcheck}: the command line entry point; the work is in one class per subcommand. */
@Command(name = "lockcheck",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = "Finds locking mistakes in C code (Linux kernel, DRM first).",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "'lockcheck COMMAND --help' describes each command and its exit codes."})
public final class Main implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs lockcheck as the shell would, without exiting the JVM: returns the exit code. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(CliContext.fromEnvironment(), out, err, args);
    }

    static int run(CliContext context, PrintStream out, PrintStream err, String... args) {
        PrintWriter outWriter = writer(out);
        PrintWriter errWriter = writer(err);
        try {
            CliErrors errors = new CliErrors(context.debug());
            Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
            commands.put("check", () -> new CheckCommand(context, out));
            commands.put("rules", () -> new RulesCommand(context.rules()));
            commands.put("dump-cfg", () -> new DumpCfgCommand(context.engine()));
            commands.put("guards", () -> new GuardsCommand(out));
            commands.put("lsp", () -> new LspCommand(context, System.in, out));
            commands.put("parse-problems", ParseProblemsCommand::new);
            // picocli reflects over every option of every command it is given (a third of a second
            // on a loaded 2-core machine, paid by each pre-commit and editor run): give it only the
            // command named, and all of them for the top-level usage and unknown commands.
            CommandLine cli = new CommandLine(new Main());
            commands.forEach((name, command) -> {
                if (args.length == 0 || !commands.containsKey(args[0]) || args[0].equals(name)) {
                    cli.addSubcommand(command.get());
                }
            });
            cli.setOut(outWriter)
                    .setErr(errWriter)
                    .setParameterExceptionHandler(errors)
                    .setExecutionExceptionHandler(errors);
            return cli.execute(args);
        } catch (Throwable t) { // picocli passes Errors (StackOverflowError, OOM) through: still one line
            CliErrors.internalError(errWriter, t, context.debug());
            return ExitCodes.ANALYSIS_FAILED;
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** {@code lockcheck} with no command: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(stream, true);
    }
}
