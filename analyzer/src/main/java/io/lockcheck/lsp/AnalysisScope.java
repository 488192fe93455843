package io.lockcheck.lsp;

/** Which files an editor's analysis of one file reads besides that file. */
public enum AnalysisScope {
    /** the other {@code *.c} files in the file's directory (not its subdirectories) */
    DIRECTORY,
    /** the file alone */
    FILE
}
