package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Notification;

import java.io.IOException;
import java.io.Writer;

/**
 * The compiler format editors already understand: {@code path:line:col: warning: message [LC001]},
 * one finding per line and nothing else, so Vim's default 'errorformat' and VS Code's
 * {@code $gcc} problem matcher pick every line up. Notifications keep gcc's file-level shape
 * ({@code path: error: message}, or {@code lockcheck: warning: message} for run-wide ones).
 */
public final class GccReport implements Report {

    @Override
    public void write(AnalysisResult result, ReportOptions opts, Writer out) throws IOException {
        for (Finding f : result.findings()) {
            out.write(headline(f, opts) + "\n");
        }
        for (Notification n : result.notifications()) {
            out.write(notificationLine(n, opts) + "\n");
        }
        out.flush();
    }

    static String headline(Finding f, ReportOptions opts) {
        return TextReport.position(f.location(), opts) + ": " + f.level().word() + ": "
                + TextReport.oneLine(f.message()) + " [" + f.ruleId() + "]";
    }

    static String notificationLine(Notification n, ReportOptions opts) {
        String where = n.file() == null ? "lockcheck" : opts.displayPath(n.file()) + (n.line() > 0 ? ":" + n.line() : "");
        return where + ": " + n.level().word() + ": " + TextReport.oneLine(n.message());
    }
}
