package io.lockcheck.frontend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * What a file must be before lockcheck reads it: a regular file (reading a FIFO named {@code x.c}
 * would block forever, a device may never end) no larger than {@code --max-file-size}.
 */
public final class InputLimits {
    private InputLimits() {
    }

    /** Why {@code file} is skipped, or null to read it. Throws for files that cannot be inspected. */
    static String skipReason(Path file, long maxBytes) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (a.isDirectory()) return "is a directory, not a C file; skipped";
        if (!a.isRegularFile()) return "not a regular file (a FIFO, socket or device); skipped";
        if (a.size() > maxBytes) {
            return "file is " + a.size() + " bytes, over the --max-file-size limit of " + maxBytes + "; skipped";
        }
        return null;
    }

    /**
     * Tokens (after macro expansion) one file may have: its AST takes a few hundred bytes per
     * token, so this bounds a worker's memory at about 2 GB. The largest Linux 6.12 DRM files have
     * 60,000 to 100,000 tokens in fast mode; headers (-I) multiply that.
     */
    static final long MAX_TOKENS = 4_000_000L;

    static String message(ParseLimit.Exceeded why, long parseMillis) {
        return switch (why) {
            case TIME -> "parsing stopped at the --parse-timeout limit of " + seconds(parseMillis) + "; file skipped";
            case TOKENS -> "more than " + MAX_TOKENS + " tokens after macro expansion (too large to analyse); file skipped";
        };
    }

    static String macroMessage(String macro) {
        return "macro " + macro + " expands to more than " + MAX_TOKENS + " tokens (too large to analyse); file skipped";
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }
}
