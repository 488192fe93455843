package io.lockcheck.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code lockcheck dump-cfg FILE}: the control-flow graphs the rules see, in the golden-test form. */
@Command(name = "dump-cfg",
        mixinStandardHelpOptions = true,
        versionProvider = ToolVersion.class,
        description = "Print the control-flow graph of each function in FILE (or of one function).")
final class DumpCfgCommand implements Callable<Integer> {
    private final Engine engine;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A C source file.")
    private Path file;

    @Option(names = "--function", paramLabel = "NAME", description = "Only this function.")
    private String function;

    DumpCfgCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(file)) {
            err.println("lockcheck: error: no such file or directory: " + file);
            return ExitCodes.USAGE;
        }
        String dump;
        try {
            dump = engine.dumpCfg(file, function);
        } catch (IllegalArgumentException e) {
            if (function == null) {
                throw e; // not the documented "function absent" case: a bug, reported as one
            }
            err.println("lockcheck: error: no function '" + function + "' in " + file);
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println("lockcheck: error: cannot read " + file + ": " + e.getMessage());
            return ExitCodes.ANALYSIS_FAILED;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(dump.endsWith("\n") || dump.isEmpty() ? dump : dump + "\n");
        out.flush();
        return ExitCodes.OK;
    }
}
