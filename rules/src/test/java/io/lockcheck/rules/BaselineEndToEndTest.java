package io.lockcheck.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lockcheck.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code check --baseline} as a CI job uses it, on a copy of the samples: an unchanged tree reports
 * nothing, nor does one whose code moved down a line, nor one where new code changed a finding's
 * evidence; a seeded bug is reported alone.
 */
class BaselineEndToEndTest {
    @TempDir
    Path dir;

    record Outcome(int exit, String out, String err) {
        List<String> findingLines() {
            return out.lines().filter(l -> l.matches("^[^:]+\\.c:\\d+:\\d+: (error|warning|note): .*\\[LC\\d{3}\\]$")).toList();
        }
    }

    private static Outcome lockcheck(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void baselineReportsOnlyNewFindings() throws IOException {
        Path tree = copySamples();
        Path base = dir.resolve("base.sarif");
        Outcome first = lockcheck("check", "--format", "sarif", "--srcroot", dir.toString(), "-o", base.toString(), tree.toString());
        assertEquals(1, first.exit(), first.err());
        int known = results(base).size();
        assertTrue(known > 100, "the samples have findings: " + known);
        String note = "lockcheck: note: " + known + " findings are in the baseline " + base + " and not reported";

        Outcome unchanged = lockcheck("check", "--format", "gcc", "--baseline", base.toString(), tree.toString());
        assertEquals(0, unchanged.exit(), unchanged.out() + unchanged.err());
        assertEquals(List.of(note), unchanged.out().lines().toList());

        for (Path c : cFiles(tree)) {
            Files.writeString(c, "/* a line that moves the code down */\n" + Files.readString(c));
        }
        Path shifted = dir.resolve("shifted.sarif");
        lockcheck("check", "--format", "sarif", "--srcroot", dir.toString(), "-o", shifted.toString(), tree.toString());
        assertEquals(fingerprints(base), fingerprints(shifted), "fingerprints survive a line shift");
        assertNotEquals(lines(base), lines(shifted), "while every line number changed");
        Outcome moved = lockcheck("check", "--format", "gcc", "--baseline", base.toString(), tree.toString());
        assertEquals(0, moved.exit(), moved.out() + moved.err());
        assertEquals(List.of(note), moved.out().lines().toList());

        // One more locked write turns the evidence of two findings from "3 of 3" into "4 of 4"
        Path inferred = tree.resolve("LC001-unlocked-read/inferred.c");
        edit(inferred, "static bool good_sched_idle(", """
                static void good_sched_bump(struct my_infer_sched *sched)
                {
                	mutex_lock(&sched->lock);
                	sched->last_retired++;
                	mutex_unlock(&sched->lock);
                }

                static bool good_sched_idle(""");
        Outcome evidence = lockcheck("check", "--format", "gcc", "--baseline", base.toString(), tree.toString());
        assertEquals(List.of(), evidence.findingLines());
        assertTrue(lockcheck("check", "--format", "gcc", tree.toString()).out().contains("held 4 of 4 times"));

        Path annotated = tree.resolve("LC001-unlocked-read/annotated.c");
        edit(annotated, "/* The embedded LRU's own lock guards its count. */", """
                static long bad_seeded(struct my_anno_gpu *gpu)
                {
                	return gpu->lru.count;
                }

                /* The embedded LRU's own lock guards its count. */""");
        int seededLine = Files.readAllLines(annotated).indexOf("\treturn gpu->lru.count;") + 1;
        Outcome seeded = lockcheck("check", "--format", "gcc", "--baseline", base.toString(), tree.toString());
        assertEquals(1, seeded.exit(), seeded.out() + seeded.err());
        assertEquals(List.of(annotated + ":" + seededLine + ":9: warning: 'gpu->lru.count' is read without "
                + "'gpu->lru.lock' held [LC001]"), seeded.findingLines());
    }

    @Test
    void unusableBaselineIsAOneLineUsageError() throws IOException {
        Path tree = copySamples();
        Path missing = dir.resolve("old.sarif");
        Outcome o = lockcheck("check", "--baseline", missing.toString(), tree.toString());
        assertEquals(2, o.exit());
        assertEquals(List.of("lockcheck: error: cannot use baseline " + missing + ": no such file"), o.err().lines().toList());
        assertEquals("", o.out(), "nothing is analysed");
        Files.writeString(missing, "{\"version\": \"2.1.0\", \"runs\": [");
        Outcome truncated = lockcheck("check", "--baseline", missing.toString(), tree.toString());
        assertEquals(2, truncated.exit());
        assertEquals(1, truncated.err().lines().count(), truncated.err());
    }

    private Path copySamples() throws IOException {
        Path from = SamplesTest.samplesDir();
        Path to = dir.resolve("samples");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        return to;
    }

    private static List<Path> cFiles(Path tree) throws IOException {
        try (Stream<Path> s = Files.walk(tree)) {
            return s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
    }

    private static void edit(Path file, String anchor, String replacement) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(anchor), file + " has no " + anchor);
        Files.writeString(file, text.replace(anchor, replacement));
    }

    private static List<JsonNode> results(Path sarif) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results").forEach(out::add);
        return out;
    }

    private static List<String> fingerprints(Path sarif) throws IOException {
        return results(sarif).stream().map(r -> r.at("/partialFingerprints/primaryLocationLineHash").asText()).sorted().toList();
    }

    private static List<String> lines(Path sarif) throws IOException {
        return results(sarif).stream().map(r -> r.at("/locations/0/physicalLocation/region/startLine").asText()).sorted().toList();
    }
}
