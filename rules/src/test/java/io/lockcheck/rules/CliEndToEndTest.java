package io.lockcheck.rules;

import io.lockcheck.cli.Main;
import io.lockcheck.rule.Rule;
import io.lockcheck.rule.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI with the real engine and the built-in rules, as the jar runs it. */
class CliEndToEndTest {
    private static final Pattern GCC_LINE =
            Pattern.compile("^[^:]+\\.c:\\d+:\\d+: (error|warning|note): [^\\n]+ \\[LC\\d{3}\\]$");

    record Outcome(int exit, String out, String err) {
    }

    private static Outcome lockcheck(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path samples() {
        return Path.of(System.getProperty("lockcheck.samples", "../samples"));
    }

    @Test
    void samplesHaveFindingsInGccFormat() {
        Outcome o = lockcheck("check", "--format", "gcc", samples().toString());
        assertEquals(1, o.exit(), o.err());
        List<String> lines = o.out().lines().toList();
        // the README's quick start: one run over all samples shows every installed rule
        for (Rule rule : RuleSet.loadAll()) {
            String tag = "[" + rule.info().id() + "]";
            assertTrue(lines.stream().anyMatch(l -> l.endsWith(tag)), tag + " missing from the samples run:\n" + o.out());
        }
        for (String line : lines) {
            assertTrue(GCC_LINE.matcher(line).matches(), "not a gcc diagnostic: " + line);
        }
    }

    @Test
    void directoryWithoutCFilesIsCleanWithOneNotice(@TempDir Path empty) throws Exception {
        Files.writeString(empty.resolve("README"), "no C here\n");
        Outcome o = lockcheck("check", empty.toString());
        assertEquals(0, o.exit(), o.err());
        long notices = (o.out() + o.err()).lines().filter(l -> l.contains("no C files")).count();
        assertEquals(1, notices, "stdout:\n" + o.out() + "\nstderr:\n" + o.err());
    }

    @Test
    void rulesCommandListsEveryInstalledRule() {
        List<Rule> installed = RuleSet.loadAll();
        assertFalse(installed.isEmpty(), "the rules module registers its rules with ServiceLoader");
        Outcome o = lockcheck("rules");
        assertEquals(0, o.exit(), o.err());
        for (Rule rule : installed) {
            String id = rule.info().id();
            assertTrue(o.out().lines().anyMatch(l -> l.startsWith(id + " ") && l.contains(rule.info().name())),
                    id + " missing from:\n" + o.out());
        }
    }
}
