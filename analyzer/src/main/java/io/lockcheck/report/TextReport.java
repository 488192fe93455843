package io.lockcheck.report;

import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.Stats;
import io.lockcheck.rule.Step;
import io.lockcheck.rule.ThreadTrace;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The human format: each finding as a gcc-style headline, then its evidence indented beneath it
 * (related locations, the steps of each thread, the suggested fix), then what the tool could not
 * do, then a one-line summary.
 */
public final class TextReport implements Report {
    private static final String INDENT = "    ";

    @Override
    public void write(AnalysisResult result, ReportOptions opts, Writer out) throws IOException {
        for (Finding f : result.findings()) {
            out.write(GccReport.headline(f, opts) + "\n");
            for (Step s : f.related()) {
                out.write(INDENT + step(s, opts) + "\n");
            }
            for (String line : flowLines(f.flow(), opts)) {
                out.write(INDENT + line + "\n");
            }
            if (f.fix() != null) {
                out.write(INDENT + "fix: " + oneLine(f.fix().description()) + "\n");
            }
        }
        for (Notification n : result.notifications()) {
            out.write(GccReport.notificationLine(n, opts) + "\n");
        }
        out.write(summary(result) + "\n");
        if (opts.includeStats() && result.stats() != null) {
            out.write(statsLine(result.stats()) + "\n");
        }
        out.flush();
    }

    /**
     * Steps numbered in execution order across all threads. With two or more threads (a race
     * witness) each step names its thread, so the interleaving reads top to bottom.
     */
    static List<String> flowLines(List<ThreadTrace> flow, ReportOptions opts) {
        record Numbered(int order, String text) {
        }
        List<Numbered> steps = new ArrayList<>();
        int order = 1;
        for (int t = 0; t < flow.size(); t++) {
            ThreadTrace trace = flow.get(t);
            String thread = flow.size() > 1 ? "[" + threadLabel(t, trace) + "] " : "";
            for (Step s : trace.steps()) {
                int n = flow.size() > 1 && s.order() > 0 ? s.order() : order; // a witness's interleaving
                steps.add(new Numbered(n, thread + step(s, opts)));
                order++;
            }
        }
        steps.sort(java.util.Comparator.comparingInt(Numbered::order));
        List<String> lines = new ArrayList<>();
        for (Numbered s : steps) lines.add(s.order() + ". " + s.text());
        return lines;
    }

    /** "thread A: drm_gem_lru_scan": letters keep two threads running the same function apart. */
    static String threadLabel(int index, ThreadTrace trace) {
        String letter = threadLetter(index);
        String name = trace.thread() == null ? "" : oneLine(trace.thread()).strip();
        return name.isEmpty() ? "thread " + letter : "thread " + letter + ": " + name;
    }

    static String threadLetter(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : "T" + (index + 1);
    }

    static String summary(AnalysisResult result) {
        Map<Level, Integer> byLevel = new EnumMap<>(Level.class);
        for (Finding f : result.findings()) {
            byLevel.merge(f.level(), 1, Integer::sum);
        }
        int total = result.findings().size();
        String files = (result.stats() == null ? "" : " in " + count(result.stats().files(), "file"))
                + (result.suppressed().isEmpty() ? "" : "; " + result.suppressed().size() + " suppressed");
        if (total == 0) {
            return "no findings" + files;
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<Level, Integer> e : byLevel.entrySet()) {
            parts.add(count(e.getValue(), e.getKey().word()));
        }
        return count(total, "finding") + " (" + String.join(", ", parts) + ")" + files;
    }

    static String statsLine(Stats s) {
        String failed = s.filesFailed() > 0 ? " (" + s.filesFailed() + " failed)" : "";
        long tenths = Fidelity.floored(s, 1000);
        return String.format(Locale.ROOT, "stats: %s%s, %s, %s, parse fidelity %d.%d%%",
                count(s.files(), "file"), failed, count(s.functions(), "function"), count(s.lines(), "line"),
                tenths / 10, tenths % 10);
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String step(Step s, ReportOptions opts) {
        return position(s.location(), opts) + ": " + oneLine(s.message());
    }

    static String position(Location l, ReportOptions opts) {
        return opts.displayPath(l.file()) + ":" + l.line() + ":" + l.column();
    }

    /** Messages are one line by contract; a stray newline must still not split a record. */
    static String oneLine(String s) {
        return s == null ? "" : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
