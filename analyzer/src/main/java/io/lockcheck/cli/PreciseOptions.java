package io.lockcheck.cli;

import io.lockcheck.frontend.precise.CompileCommands;
import io.lockcheck.frontend.precise.KernelTree;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks {@code --kernel-tree} and {@code --compile-commands} before a run: a bad one is a usage error. */
final class PreciseOptions {
    private PreciseOptions() {
    }

    static void check(CommandSpec spec, Path tree, Path commands) {
        if (tree != null) {
            String problem = KernelTree.problem(tree);
            if (problem != null) throw new ParameterException(spec.commandLine(), problem);
        }
        if (commands != null) {
            if (!Files.isRegularFile(commands)) {
                throw new ParameterException(spec.commandLine(), "--compile-commands is not a file: " + commands);
            }
            try {
                CompileCommands.load(commands);
            } catch (CompileCommands.Malformed e) {
                throw new ParameterException(spec.commandLine(), "malformed --compile-commands: " + e.getMessage());
            } catch (IOException e) {
                throw new ParameterException(spec.commandLine(), "cannot read --compile-commands " + commands + ": "
                        + e.getMessage());
            }
        }
    }
}
