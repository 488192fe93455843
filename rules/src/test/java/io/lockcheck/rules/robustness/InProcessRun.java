package io.lockcheck.rules.robustness;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.Rule;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Analyses one broken input next to the sentinel file through the Analyzer API, in this JVM,
 * and says what went wrong: a crash (an exception out of {@link Analyzer#analyze} or an
 * "internal error" notification), a hang (no result within {@code hangMillis}), or a lost
 * finding (one the sentinel has when analysed alone but not next to the input).
 */
final class InProcessRun {
    /** What happened to one input. {@code crash} and {@code lost} are empty when all went well. */
    record Outcome(Mutations.Input input, long millis, boolean hang, String crash, Set<String> lost,
                   List<Notification> notes) {
        boolean failed() {
            return hang || !crash.isEmpty() || !lost.isEmpty();
        }
    }

    private final List<Rule> rules;
    private final AnalyzerOptions options;
    private final Path sentinel;
    private final Set<String> sentinelFindings;
    private final long hangMillis;

    InProcessRun(List<Rule> rules, AnalyzerOptions options, Path sentinel, long hangMillis) {
        this.rules = rules;
        this.options = options;
        this.sentinel = sentinel;
        this.hangMillis = hangMillis;
        AnalysisResult alone = new Analyzer(rules, options).analyze(List.of(sentinel));
        this.sentinelFindings = sentinelFindings(alone);
        if (sentinelFindings.isEmpty() || !alone.notifications().isEmpty()) {
            throw new IllegalStateException("the sentinel must have findings and no notifications: " + alone.notifications());
        }
    }

    Path sentinel() {
        return sentinel;
    }

    Set<String> sentinelFindings() {
        return sentinelFindings;
    }

    /** Writes {@code in} into {@code dir}, analyses it with the sentinel, removes it. */
    Outcome check(Mutations.Input in, Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve(in.fileName());
        Files.write(file, in.bytes());
        try {
            return check(in, List.of(sentinel, file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Analyses {@code paths} (the sentinel among them) on a thread of its own, waiting at most hangMillis. */
    Outcome check(Mutations.Input in, List<Path> paths) throws InterruptedException {
        AnalysisResult[] result = new AnalysisResult[1];
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                result[0] = new Analyzer(rules, options).analyze(paths);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "robustness-" + in.index());
        t.setDaemon(true); // a hung analysis must not keep the test JVM alive
        long start = System.nanoTime();
        t.start();
        t.join(hangMillis);
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (t.isAlive()) {
            return new Outcome(in, millis, true, "", Set.of(), List.of());
        }
        if (thrown[0] != null) {
            StringWriter trace = new StringWriter();
            thrown[0].printStackTrace(new PrintWriter(trace));
            return new Outcome(in, millis, false, trace.toString(), Set.of(), List.of());
        }
        AnalysisResult r = result[0];
        String crash = String.join("\n", r.notifications().stream()
                .filter(n -> n.level() == Level.ERROR && n.message().contains("internal error")).map(String::valueOf).toList());
        Set<String> lost = new TreeSet<>(sentinelFindings);
        lost.removeAll(sentinelFindings(r));
        return new Outcome(in, millis, false, crash, lost, r.notifications());
    }

    private Set<String> sentinelFindings(AnalysisResult r) {
        Set<String> out = new TreeSet<>();
        for (Finding f : r.findings()) {
            if (f.location().file().equals(sentinel)) {
                out.add(f.ruleId() + " " + f.location().line() + ":" + f.location().column() + " " + f.message());
            }
        }
        return out;
    }
}
