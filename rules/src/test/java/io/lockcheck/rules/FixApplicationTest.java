package io.lockcheck.rules;

import io.lockcheck.Analyzer;
import io.lockcheck.AnalyzerOptions;
import io.lockcheck.rule.AnalysisResult;
import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Fix;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.RuleSet;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The SARIF fixes of LC003 (wrap the load in {@code READ_ONCE()}) and LC004 (turn the store into
 * {@code WRITE_ONCE()}) really fix what they are offered for. For every such finding in the
 * LC003/LC004 sample directories, the one replacement is applied to a copy of the directory, the
 * copy is analysed again as one run, and on the finding's line there must be no finding of that
 * rule any more and no finding of any rule that was not there before (a fix must not trade one
 * report for another, nor break the parse). So a sample line should carry one fixable access: with
 * two lockless loads on a line, fixing one leaves the other's finding there, and this test fails.
 */
class FixApplicationTest {
    /** The rules whose fixes are checked; each must offer at least one fix in the samples. */
    private static final List<String> RULES = List.of("LC003", "LC004");

    @TestFactory
    List<DynamicNode> fixesRemoveTheirFinding() throws IOException {
        Path root = SamplesTest.samplesDir();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory)
                    .filter(d -> RULES.stream().anyMatch(r -> d.getFileName().toString().startsWith(r + "-")))
                    .sorted().toList();
        }
        assertFalse(dirs.isEmpty(), "no " + RULES + " sample directories under " + root);

        Map<String, Integer> fixesPerRule = new TreeMap<>();
        List<DynamicNode> out = new ArrayList<>();
        for (Path dir : dirs) {
            AnalysisResult before = analyze(dir);
            List<DynamicNode> tests = new ArrayList<>();
            for (Finding f : before.findings()) {
                if (!RULES.contains(f.ruleId()) || f.fix() == null) continue;
                fixesPerRule.merge(f.ruleId(), 1, Integer::sum);
                Path file = normal(f.location().file());
                String name = dir.relativize(file) + ":" + f.location().line() + ":" + f.location().column()
                        + " " + f.ruleId() + " " + f.fix().replacement();
                tests.add(DynamicTest.dynamicTest(name, file.toUri(), () -> applyAndRecheck(dir, before, f)));
            }
            if (!tests.isEmpty()) {
                out.add(DynamicContainer.dynamicContainer(root.relativize(dir).toString(), tests));
            }
        }
        out.add(DynamicTest.dynamicTest("every rule offers a fix in its samples", () -> {
            for (String rule : RULES) {
                assertTrue(fixesPerRule.getOrDefault(rule, 0) > 0,
                        "no " + rule + " finding with a fix in " + dirs + ": the fix checks would pass vacuously");
            }
        }));
        return out;
    }

    private static void applyAndRecheck(Path dir, AnalysisResult before, Finding finding) throws IOException {
        Fix fix = finding.fix();
        Location region = fix.region();
        Path file = normal(finding.location().file());
        assertEquals(file, normal(region.file()), "the fix edits another file than the finding's");
        int line = finding.location().line();

        Path tmp = Files.createTempDirectory("lockcheck-fix-");
        try {
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, tmp.resolve(p.getFileName()));
                }
            }
            Path copy = tmp.resolve(file.getFileName());
            String text = Files.readString(copy, StandardCharsets.UTF_8);
            int start = offset(text, region.line(), region.column());
            int end = offset(text, region.endLine(), region.endColumn());
            assertTrue(start < end, "empty or inverted fix region " + regionText(region));
            String old = text.substring(start, end);
            checkReplacementShape(finding.ruleId(), old, fix.replacement());
            Files.writeString(copy, text.substring(0, start) + fix.replacement() + text.substring(end),
                    StandardCharsets.UTF_8);

            AnalysisResult after = analyze(tmp);
            List<String> problems = new ArrayList<>();
            for (Notification n : after.notifications()) {
                if (n.file() != null && normal(n.file()).equals(normal(copy))) {
                    problems.add("notification after the fix: " + n.message());
                }
            }
            Map<String, Long> was = rulesAt(before, file, line);
            Map<String, Long> now = rulesAt(after, normal(copy), line);
            if (now.containsKey(finding.ruleId())) {
                problems.add(finding.ruleId() + " still reported: " + messagesAt(after, normal(copy), line));
            }
            for (Map.Entry<String, Long> e : now.entrySet()) {
                if (e.getValue() > was.getOrDefault(e.getKey(), 0L)) {
                    problems.add("new " + e.getKey() + " finding: " + messagesAt(after, normal(copy), line));
                }
            }
            if (!problems.isEmpty()) {
                fail(file.getFileName() + ":" + line + ": replacing '" + old + "' with '" + fix.replacement()
                        + "':\n  " + String.join("\n  ", problems));
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * LC003 wraps exactly the region in READ_ONCE(); LC004 turns a whole "lhs = value" into
     * WRITE_ONCE(lhs, value). Checked against the region's text so that a column error (tabs,
     * UTF-16 units, an exclusive end taken as inclusive) shows up as such.
     */
    private static void checkReplacementShape(String rule, String old, String replacement) {
        if (rule.equals("LC003")) {
            assertEquals("READ_ONCE(" + old + ")", replacement, "LC003 fix does not wrap its region");
        } else if (rule.equals("LC004")) {
            int eq = old.indexOf('=');
            assertTrue(eq > 0, "LC004 fix region is not an assignment: '" + old + "'");
            String value = old.substring(eq + 1).strip();
            assertTrue(replacement.startsWith("WRITE_ONCE(") && replacement.endsWith(", " + value + ")"),
                    "LC004 fix '" + replacement + "' does not store the assignment's value '" + value + "'");
        }
    }

    /** The UTF-16 offset of a 1-based line and column; line ends are \n or \r\n. */
    static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            int nl = text.indexOf('\n', at);
            if (nl < 0) throw new AssertionError("line " + line + " is past the end of the file");
            at = nl + 1;
        }
        int lineEnd = text.indexOf('\n', at);
        if (lineEnd < 0) lineEnd = text.length();
        int off = at + column - 1;
        if (column < 1 || off > lineEnd) {
            throw new AssertionError("column " + column + " is outside line " + line);
        }
        return off;
    }

    private static AnalysisResult analyze(Path dir) throws IOException {
        List<Path> specs;
        try (Stream<Path> s = Files.list(dir)) {
            specs = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList(); // as if given with --spec
        }
        AnalyzerOptions options = AnalyzerOptions.defaults().withJobs(1).withSpecs(specs);
        return new Analyzer(RuleSet.loadAll(), options).analyze(List.of(dir));
    }

    private static Map<String, Long> rulesAt(AnalysisResult r, Path file, int line) {
        return r.findings().stream()
                .filter(x -> normal(x.location().file()).equals(file) && x.location().line() == line)
                .collect(Collectors.groupingBy(Finding::ruleId, TreeMap::new, Collectors.counting()));
    }

    private static String messagesAt(AnalysisResult r, Path file, int line) {
        return r.findings().stream()
                .filter(x -> normal(x.location().file()).equals(file) && x.location().line() == line)
                .map(x -> x.ruleId() + " " + x.message()).collect(Collectors.joining("; ", "(", ")"));
    }

    private static String regionText(Location l) {
        return l.line() + ":" + l.column() + "-" + l.endLine() + ":" + l.endColumn();
    }

    private static Path normal(Path p) {
        return p.toAbsolutePath().normalize();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
