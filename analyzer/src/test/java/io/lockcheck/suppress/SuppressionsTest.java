package io.lockcheck.suppress;

import io.lockcheck.rule.Finding;
import io.lockcheck.rule.Level;
import io.lockcheck.rule.Location;
import io.lockcheck.rule.Notification;
import io.lockcheck.rule.RuleInfo;
import io.lockcheck.rule.SuppressedFinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionsTest {
    private static final List<RuleInfo> RULES = List.of(
            new RuleInfo("LC001", "UnlockedRead", Level.WARNING, "", "", "", "high", List.of()),
            new RuleInfo("LC003", "MissingReadOnce", Level.WARNING, "", "", "", "high", List.of()));

    @TempDir
    Path dir;

    private static Finding at(Path file, String rule, int line) {
        return new Finding(rule, Level.WARNING, Location.point(file, line, 9), "'p->x' is read without 'p->lock' held",
                "f", List.of(), List.of(), Map.of(), null, "fp" + line);
    }

    @Test
    void aCommentWithAReasonMovesItsRulesFindingsOnItsLineToSuppressed() throws IOException {
        Path c = Files.writeString(dir.resolve("a.c"), """
                int f(struct s *p)
                {
                	int a = p->x; /* lockcheck: ignore LC001 -- only printed */
                	// lockcheck: ignore missingreadonce -- polled again under the lock
                	int b = p->x;
                	int d = p->x; /* lockcheck: ignore LC003 -- names another rule */
                	return a + b + d;
                }
                """);
        List<Finding> findings = List.of(at(c, "LC001", 3), at(c, "LC003", 3), at(c, "LC003", 5), at(c, "LC001", 6), at(c, "LC001", 7));
        Suppressions.Outcome out = new Suppressions(RULES).apply(findings);

        assertEquals(List.of(findings.get(1), findings.get(3), findings.get(4)), out.kept());
        assertEquals(List.of(
                new SuppressedFinding(findings.get(0), "only printed", Location.point(c, 3, 0)),
                new SuppressedFinding(findings.get(2), "polled again under the lock", Location.point(c, 4, 0))), out.suppressed());
        assertEquals(List.of(), out.notifications());
    }

    @Test
    void aCommentWithoutAReasonSuppressesNothingAndSaysWhere() throws IOException {
        Path c = Files.writeString(dir.resolve("b.c"), """
                int f(struct s *p)
                {
                	return p->x; /* lockcheck: ignore LC001 */
                }
                """);
        Finding f = at(c, "LC001", 3);
        Suppressions.Outcome out = new Suppressions(RULES).apply(List.of(f));
        assertEquals(List.of(f), out.kept());
        assertEquals(List.of(), out.suppressed());
        assertEquals(1, out.notifications().size());
        Notification n = out.notifications().get(0);
        assertEquals(Level.WARNING, n.level());
        assertEquals(c, n.file());
        assertEquals(3, n.line());
        assertTrue(n.toString().startsWith(c + ":3: warning: suppression comment has no reason"), n.toString());
        assertTrue(n.message().contains("'lockcheck: ignore LC001 -- reason'"), n.message());
    }

    @Test
    void unknownRulesAndEmptyListsAreReported() throws IOException {
        Path c = Files.writeString(dir.resolve("c.c"), """
                int f(struct s *p)
                {
                	int a = p->x; /* lockcheck: ignore LC01 -- typo */
                	return a + p->x; /* lockcheck: ignore -- forgot the rule */
                }
                """);
        Suppressions.Outcome out = new Suppressions(RULES).apply(List.of(at(c, "LC001", 3), at(c, "LC001", 4)));
        assertEquals(2, out.kept().size());
        assertEquals(List.of(
                        c + ":3: warning: suppression comment names unknown rule 'LC01'",
                        c + ":4: warning: suppression comment names no rule; write 'lockcheck: ignore LC001 -- reason'"),
                out.notifications().stream().map(Notification::toString).toList());
    }

    /** Only files with findings are read: a file that is gone keeps its findings. */
    @Test
    void unreadableFileKeepsItsFindings() {
        Finding f = at(dir.resolve("gone.c"), "LC001", 3);
        Suppressions.Outcome out = new Suppressions(RULES).apply(List.of(f));
        assertEquals(List.of(f), out.kept());
        assertEquals(List.of(), out.notifications());
    }
}
