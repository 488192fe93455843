package io.lockcheck.report;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

/**
 * How to render a report.
 *
 * @param srcroot        paths in the report are made relative to this directory (SARIF: {@code %SRCROOT%});
 *                       null keeps paths as the user named them
 * @param toolVersion    lockcheck's version, for SARIF {@code tool.driver}
 * @param includeStats   text format only: print the files / functions / parse fidelity line
 * @param informationUri the tool's home page for SARIF {@code tool.driver.informationUri}; null omits it
 * @param startTime      SARIF {@code invocation.startTimeUtc}; null (the default) keeps the output
 *                       byte-for-byte reproducible, which baselines and caches rely on
 * @param category       SARIF {@code runAutomationDetails.id} is this plus "/" (GitHub code scanning's
 *                       category of the analysis); null leaves it out
 * @param includeSuppressed SARIF only: also write the findings a comment suppresses, marked as suppressed
 */
public record ReportOptions(Path srcroot, String toolVersion, boolean includeStats, URI informationUri, Instant startTime,
                            String category, boolean includeSuppressed) {

    public ReportOptions(Path srcroot, String toolVersion, boolean includeStats) {
        this(srcroot, toolVersion, includeStats, null, null);
    }

    public ReportOptions(Path srcroot, String toolVersion, boolean includeStats, URI informationUri, Instant startTime) {
        this(srcroot, toolVersion, includeStats, informationUri, startTime, null, false);
    }

    /**
     * The path to show for {@code file} in text and gcc output: relative to the srcroot when the
     * file is inside it, otherwise exactly as the analyzer recorded it.
     */
    public String displayPath(Path file) {
        if (srcroot != null) {
            Path root = srcroot.toAbsolutePath().normalize();
            Path abs = file.toAbsolutePath().normalize();
            if (abs.startsWith(root) && !abs.equals(root)) {
                return root.relativize(abs).toString();
            }
        }
        return file.toString();
    }
}
