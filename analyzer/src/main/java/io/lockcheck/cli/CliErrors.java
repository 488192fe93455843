package io.lockcheck.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/**
 * How failures reach the user: one line on stderr each, never picocli's full usage dump and never
 * a stack trace unless {@code LOCKCHECK_DEBUG=1}. Usage errors exit 2, lockcheck's own bugs 3.
 */
final class CliErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    private final boolean debug;

    CliErrors(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("lockcheck: error: " + message(ex) + suggestion(ex)
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        internalError(cmd.getErr(), ex, debug);
        return ExitCodes.ANALYSIS_FAILED;
    }

    /** Reports a bug in lockcheck (anything no command anticipated). */
    static void internalError(PrintWriter err, Throwable t, boolean debug) {
        err.println("lockcheck: internal error: " + oneLine(String.valueOf(t))
                + (debug ? "" : " (set LOCKCHECK_DEBUG=1 for the stack trace)"));
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
    }

    private static String message(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.isUnknownOption()
                && !ex.getCommandLine().getSubcommands().isEmpty() && !unmatched.getUnmatched().isEmpty()) {
            // picocli says "unmatched argument at index 0" for a mistyped command name
            return "unknown command '" + unmatched.getUnmatched().get(0) + "'";
        }
        return oneLine(ex.getMessage());
    }

    private static String suggestion(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> s = unmatched.getSuggestions();
            if (!s.isEmpty()) {
                return "; did you mean " + String.join(" or ", s) + "?";
            }
        }
        return "";
    }

    /** Picocli's messages start upper-case and some span lines; ours are one lower-case line. */
    private static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String m = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return Character.toLowerCase(m.charAt(0)) + m.substring(1);
    }
}
