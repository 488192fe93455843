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

    static String timeoutMessage(long parseMillis) {
        return "parsing stopped at the --parse-timeout limit of " + seconds(parseMillis) + "; file skipped";
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
    }
}
