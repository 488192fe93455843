package io.lockcheck.cli;

/**
 * The exit codes of DESIGN §8. When several apply the most serious wins, in the order
 * {@link #USAGE} &gt; {@link #ANALYSIS_FAILED} &gt; {@link #FINDINGS} &gt; {@link #OK}: a mistyped
 * path or option is the first thing the user must fix, and a file that could not be analysed
 * means the findings are incomplete.
 */
final class ExitCodes {
    /** Nothing at or above {@code --fail-on}. */
    static final int OK = 0;
    /** At least one finding at or above {@code --fail-on}. */
    static final int FINDINGS = 1;
    /** Bad option, unknown rule, missing path, unreadable spec or output. */
    static final int USAGE = 2;
    /** A file could not be analysed (a notification of level error), or lockcheck itself failed. */
    static final int ANALYSIS_FAILED = 3;

    private ExitCodes() {
    }

    /** The more serious of two exit codes, by the precedence above. */
    static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case USAGE -> 3;
            case ANALYSIS_FAILED -> 2;
            case FINDINGS -> 1;
            default -> 0;
        };
    }
}
