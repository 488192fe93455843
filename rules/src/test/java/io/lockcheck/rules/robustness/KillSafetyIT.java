package io.lockcheck.rules.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kill -9 of the real CLI while it writes {@code -o out.sarif}: at any moment the path holds the
 * previous report or a complete new one, never a torn file, and a temporary file a killed run
 * leaves is hidden, named after the report and the process, and removed by the next run. The
 * input is the samples copied 20 times (about 1,000 files and a SARIF of a few MB), so both
 * the analysis and the write take long enough to be hit.
 */
class KillSafetyIT {
    private static final int COPIES = 20;

    @TempDir
    static Path work;
    private static Path tree;
    private static Path out;
    private static byte[] previous;

    @BeforeAll
    static void input() throws IOException {
        tree = work.resolve("tree");
        Path samples = RobustnessIT.samples();
        List<Path> files;
        try (Stream<Path> s = Files.walk(samples)) {
            files = s.filter(p -> p.toString().endsWith(".c")).toList();
        }
        for (int i = 0; i < COPIES; i++) {
            for (Path f : files) {
                Path to = tree.resolve("copy" + i).resolve(samples.relativize(f));
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        out = work.resolve("out.sarif");
        previous = "{\"previous\": \"report\"}\n".getBytes();
    }

    @Test
    void killedRunLeavesThePreviousReportOrACompleteOne() throws Exception {
        List<String> seen = new ArrayList<>();
        // mid-analysis at several points, then the moment the report's temporary file appears,
        // then once it holds a megabyte: the rename has not happened yet
        for (long millis : new long[] {300, 1_500, 4_000}) {
            seen.add(killAt("after " + millis + " ms", started -> System.nanoTime() - started > millis * 1_000_000));
        }
        seen.add(killAt("when the temporary file appears", started -> temps().size() > 0));
        seen.add(killAt("when the temporary file holds 1 MB", started -> tempBytes() > 1 << 20));
        System.out.println("kill -9 of lockcheck check -o out.sarif; the path then held: " + seen);
        assertTrue(seen.contains("previous"), "some kill must land before the rename: " + seen);

        List<Path> stray = temps();
        for (Path t : stray) {
            String n = t.getFileName().toString();
            assertTrue(n.startsWith(".out.sarif.lockcheck-") && n.endsWith(".tmp"), "obviously named: " + n);
        }
        CliRun complete = run();
        assertEquals(1, complete.exit(), complete.err());
        assertEquals(List.of(), temps(), "the next run removes what killed runs left");
        assertTrue(isCompleteSarif(Files.readAllBytes(out)));
    }

    /** Starts a run over the previous report, kills it when {@code when} holds, and says what the path holds. */
    private static String killAt(String name, Predicate<Long> when) throws Exception {
        Files.write(out, previous);
        Process p = start();
        long started = System.nanoTime();
        while (p.isAlive() && !when.test(started)) Thread.sleep(2);
        boolean killedWhileRunning = p.isAlive();
        p.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        byte[] now = Files.exists(out) ? Files.readAllBytes(out) : null;
        if (now == null) fail(name + ": the report vanished");
        if (Arrays.equals(now, previous)) return "previous";
        assertTrue(isCompleteSarif(now), name + ": a torn report (" + now.length + " bytes), killed while running: "
                + killedWhileRunning);
        return "complete";
    }

    private static boolean isCompleteSarif(byte[] bytes) {
        try {
            JsonNode n = new ObjectMapper().readTree(bytes);
            return n.path("runs").path(0).path("results").isArray();
        } catch (IOException e) {
            return false;
        }
    }

    private static Process start() throws IOException {
        return new ProcessBuilder(command()).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static CliRun run() throws Exception {
        List<String> c = command();
        return CliRun.of(Path.of(c.get(c.indexOf("-jar") + 1)), work, List.of(), java.util.Map.of(), 600_000,
                c.subList(c.indexOf("-jar") + 2, c.size()).toArray(String[]::new));
    }

    private static List<String> command() {
        String jar = Path.of(System.getProperty("lockcheck.jar", "target/lockcheck.jar")).toAbsolutePath().toString();
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar, "check", "--format", "sarif", "-j2", "-o", out.toString(), tree.toString());
    }

    private static List<Path> temps() {
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".out.sarif")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long tempBytes() {
        long n = 0;
        for (Path t : temps()) {
            try {
                n += Files.size(t);
            } catch (IOException gone) {
                // renamed in between
            }
        }
        return n;
    }
}
