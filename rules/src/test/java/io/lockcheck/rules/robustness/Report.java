package io.lockcheck.rules.robustness;

import io.lockcheck.rule.Notification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The robustness run's figures and failures, as Markdown (bench/robustness/report.md). */
final class Report {
    private final String header;
    private final List<InProcessRun.Outcome> outcomes = new ArrayList<>();
    private final List<CliCase> cli = new ArrayList<>();

    /** A CLI run over {@code inputs} inputs, with what it should have done ({@code problem} empty if it did). */
    record CliCase(String name, int inputs, CliRun run, String problem) {
        boolean crashed() {
            return !run.crash().isEmpty();
        }
    }

    Report(String header) {
        this.header = header;
    }

    synchronized void add(InProcessRun.Outcome o) {
        outcomes.add(o);
    }

    synchronized void add(CliCase c) {
        cli.add(c);
    }

    synchronized int inputs() {
        return outcomes.size() + cli.stream().mapToInt(CliCase::inputs).sum();
    }

    synchronized long crashes() {
        return outcomes.stream().filter(o -> !o.crash().isEmpty()).count() + cli.stream().filter(CliCase::crashed).count();
    }

    synchronized long hangs() {
        return outcomes.stream().filter(InProcessRun.Outcome::hang).count() + cli.stream().filter(c -> c.run().hang()).count();
    }

    /** Lost sentinel findings, counted per input (in-process) or per run (CLI). */
    synchronized long lost() {
        return outcomes.stream().filter(o -> !o.lost().isEmpty()).count()
                + cli.stream().filter(c -> !c.problem().isEmpty() && !c.crashed() && !c.run().hang()).count();
    }

    synchronized String markdown() {
        StringBuilder b = new StringBuilder("# lockcheck robustness report\n\n").append(header).append("\n\n");
        b.append("| inputs tried | crashes | hangs | lost findings |\n|---|---|---|---|\n");
        b.append(String.format(Locale.ROOT, "| %d | %d | %d | %d |%n%n", inputs(), crashes(), hangs(), lost()));
        byKind(b);
        notifications(b);
        slowest(b);
        cliRuns(b);
        failures(b);
        return b.toString();
    }

    private void byKind(StringBuilder b) {
        b.append("## Generated inputs, analysed in-process next to the sentinel\n\n");
        b.append("| kind | inputs | crashes | hangs | lost | median ms | max ms |\n|---|---|---|---|---|---|---|\n");
        Map<Mutations.Kind, List<InProcessRun.Outcome>> kinds = new EnumMap<>(Mutations.Kind.class);
        for (InProcessRun.Outcome o : outcomes) kinds.computeIfAbsent(o.input().kind(), k -> new ArrayList<>()).add(o);
        kinds.forEach((k, os) -> {
            long[] ms = os.stream().mapToLong(InProcessRun.Outcome::millis).sorted().toArray();
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |%n", k.name().toLowerCase(Locale.ROOT),
                    os.size(), os.stream().filter(o -> !o.crash().isEmpty()).count(),
                    os.stream().filter(InProcessRun.Outcome::hang).count(), os.stream().filter(o -> !o.lost().isEmpty()).count(),
                    ms[ms.length / 2], ms[ms.length - 1]));
        });
        b.append('\n');
    }

    /** What lockcheck told the user about the inputs, numbers masked so that like messages count together. */
    private void notifications(StringBuilder b) {
        Map<String, Integer> counts = new TreeMap<>();
        for (InProcessRun.Outcome o : outcomes) {
            o.notes().stream().map(Report::shape).distinct().forEach(s -> counts.merge(s, 1, Integer::sum));
        }
        b.append("## Notifications about the inputs (inputs with each)\n\n| notification | inputs |\n|---|---|\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> b.append("| ").append(e.getKey().replace("|", "\\|")).append(" | ").append(e.getValue()).append(" |\n"));
        b.append('\n');
    }

    private static String shape(Notification n) {
        String m = n.message().replaceAll("[0-9]+", "N").replaceAll("'[^']*'", "'…'").replaceAll("\\b\\w+\\(\\)", "f()");
        if (m.length() > 120) m = m.substring(0, 120) + "…";
        return n.level().name().toLowerCase(Locale.ROOT) + ": " + m;
    }

    private void slowest(StringBuilder b) {
        b.append("## Slowest inputs\n\n| input | from | ms |\n|---|---|---|\n");
        outcomes.stream().sorted(Comparator.comparingLong(InProcessRun.Outcome::millis).reversed()).limit(8)
                .forEach(o -> b.append(String.format(Locale.ROOT, "| %s | %s | %d |%n", o.input().fileName(),
                        o.input().origin(), o.millis())));
        b.append('\n');
    }

    private void cliRuns(StringBuilder b) {
        b.append("## Runs of the lockcheck jar\n\n| run | inputs | exit | seconds | result |\n|---|---|---|---|---|\n");
        for (CliCase c : cli) {
            String result = c.run().hang() ? "HANG" : c.crashed() ? "CRASH" : c.problem().isEmpty() ? "ok" : "LOST";
            b.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %s |%n", c.name(), c.inputs(), c.run().exit(),
                    c.run().millis() / 1000.0, result));
        }
        b.append('\n');
    }

    private void failures(StringBuilder b) {
        List<String> details = new ArrayList<>();
        for (InProcessRun.Outcome o : outcomes) {
            if (!o.failed()) continue;
            details.add("### " + o.input().fileName() + " (from " + o.input().origin() + ")\n\n```\n"
                    + (o.hang() ? "hang after " + o.millis() + " ms\n" : "") + o.crash()
                    + (o.lost().isEmpty() ? "" : "lost: " + o.lost()) + "\n```\n");
        }
        for (CliCase c : cli) {
            if (c.problem().isEmpty() && !c.crashed() && !c.run().hang()) continue;
            details.add("### jar: " + c.name() + "\n\n`" + c.run().describe() + "`\n\n```\n"
                    + (c.run().hang() ? "hang after " + c.run().millis() + " ms\n" : "") + c.run().crash() + c.problem() + "\n```\n");
        }
        if (details.isEmpty()) return;
        b.append("## Failures\n\n");
        details.stream().limit(50).forEach(d -> b.append(d).append('\n'));
    }
}
