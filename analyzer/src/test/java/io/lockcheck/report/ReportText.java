package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Runs a report into a string, as the CLI would into stdout. */
final class ReportText {
    private ReportText() {
    }

    static String render(Report report, AnalysisResult result, ReportOptions opts) {
        StringWriter out = new StringWriter();
        try {
            report.write(result, opts, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
