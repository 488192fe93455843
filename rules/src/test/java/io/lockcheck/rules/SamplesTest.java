package io.lockcheck.rules;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.RuleSet;
import io.lockcheck.rule.SuppressedFinding;
import io.lockcheck.frontend.SourceText;
import io.lockcheck.suppress.SuppressionComment;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The rule test suite: every sample directory is analysed as one run (so samples may span
 * files), and every file in it is checked both ways against its markers. Adding a case needs
 * no Java: write a sample with markers.
 */
class SamplesTest {
    static Path samplesDir() {
        String p = System.getProperty("lockcheck.samples");
        return Path.of(p != null ? p : "../samples").toAbsolutePath().normalize();
    }

    @TestFactory
    List<DynamicNode> samples() throws IOException {
        Path root = samplesDir();
        List<DynamicNode> out = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(root)) {
            dirs = s.filter(Files::isDirectory).filter(SamplesTest::hasC).filter(d -> !d.endsWith("include")).sorted().toList();
        }
        assertTrue(!dirs.isEmpty(), "no sample directories under " + root);
        for (Path dir : dirs) {
            out.add(DynamicContainer.dynamicContainer(root.relativize(dir).toString(), checks(dir)));
        }
        return out;
    }

    private static boolean hasC(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.anyMatch(f -> f.toString().endsWith(".c"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<DynamicNode> checks(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".c")).sorted().toList();
        }
        List<Path> specs;
        try (Stream<Path> s = Files.list(dir)) {
            specs = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList(); // as if given with --spec
        }
        AnalyzerOptions options = AnalyzerOptions.defaults().withJobs(1).withSpecs(specs);
        AnalysisResult result = new Analyzer(RuleSet.loadAll(), options).analyze(List.of(dir));
        List<DynamicNode> tests = new ArrayList<>();
        for (Path f : files) {
            tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), f.toUri(), () -> check(f, result)));
        }
        return tests;
    }

    static void check(Path file, AnalysisResult result) throws IOException {
        SampleMarkers m = SampleMarkers.read(file);
        Set<String> fired = new TreeSet<>();
        for (Finding x : result.findings()) {
            if (x.location().file().toAbsolutePath().normalize().equals(file)) {
                fired.add(x.location().line() + ":" + x.ruleId());
            }
        }
        List<String> problems = new ArrayList<>();
        for (Notification n : result.notifications()) {
            if (n.file() != null && n.file().toAbsolutePath().normalize().equals(file)) {
                problems.add("notification: " + n.message());
            }
        }
        problems.addAll(idleSuppressions(file, result, m));
        for (String e : m.expect()) if (!fired.contains(e)) problems.add("expected but silent: line " + e);
        for (String e : m.missing()) if (fired.contains(e)) problems.add("marked missing but now fires (update the marker): line " + e);
        for (String e : m.spurious()) if (!fired.contains(e)) problems.add("marked spurious but now silent (remove the marker): line " + e);
        for (String f : fired) {
            if (!m.expect().contains(f) && !m.spurious().contains(f)) {
                problems.add("unexpected finding: line " + f + " " + messageAt(result, file, f));
            }
        }
        if (!problems.isEmpty()) {
            fail(file.getFileName() + ":\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * A sample's {@code lockcheck: ignore} comments must each suppress a finding, or they show
     * nothing; unless the line they cover expects a finding (a comment that names another rule).
     */
    private static List<String> idleSuppressions(Path file, AnalysisResult result, SampleMarkers m) throws IOException {
        Set<Integer> used = new TreeSet<>();
        for (SuppressedFinding s : result.suppressed()) {
            if (s.comment().file().toAbsolutePath().normalize().equals(file)) used.add(s.comment().line());
        }
        List<String> problems = new ArrayList<>();
        for (SuppressionComment c : SuppressionComment.in(SourceText.read(file))) {
            boolean expected = m.expect().stream().anyMatch(e -> e.startsWith(c.covers() + ":"));
            if (!used.contains(c.line()) && !expected) problems.add("suppression comment suppresses nothing: line " + c.line());
        }
        return problems;
    }

    private static String messageAt(AnalysisResult r, Path file, String lineRule) {
        String[] parts = lineRule.split(":");
        return r.findings().stream()
                .filter(x -> x.location().file().toAbsolutePath().normalize().equals(file))
                .filter(x -> x.location().line() == Integer.parseInt(parts[0]) && x.ruleId().equals(parts[1]))
                .map(Finding::message).collect(Collectors.joining("; ", "(", ")"));
    }
}
