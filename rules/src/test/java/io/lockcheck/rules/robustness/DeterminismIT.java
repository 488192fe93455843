package io.lockcheck.rules.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real jar gives byte-identical reports whatever the job count, the order files are named in,
 * the locale (LANG=C, Turkish) and the default charset; the SARIF start time is the only thing
 * that differs between runs, and {@code --reproducible} leaves it out. The input: the samples,
 * Linux's top-level drivers/gpu/drm/*.c when present, and two files with non-ASCII text (UTF-8
 * and Latin-1) on a finding's line. File names are ASCII: see README "Robustness" for why.
 */
class DeterminismIT {
    private static final long TIMEOUT_MILLIS = 600_000;
    private static final List<String> TURKISH_LATIN1 = List.of("-Duser.language=tr", "-Duser.country=TR",
            "-Dfile.encoding=ISO-8859-1", "-Dsun.stdout.encoding=ISO-8859-1");
    private static final Map<String, String> POSIX_LOCALE = Map.of("LANG", "C", "LC_ALL", "C");

    @TempDir
    static Path work;
    private static List<String> files;

    @BeforeAll
    static void inputs() throws IOException {
        Path extra = Files.createDirectories(work.resolve("extra"));
        Files.writeString(extra.resolve("utf8.c"), """
                struct rb_u { struct mutex lock; int n __guarded_by(&lock); };
                void rb_u_set(struct rb_u *d) { d->n = 1; /* naïve — 日本語 ı İ */ }
                """, StandardCharsets.UTF_8);
        Files.writeString(extra.resolve("latin1.c"), """
                struct rb_l { struct mutex lock; int n __guarded_by(&lock); };
                void rb_l_set(struct rb_l *d) { d->n = 1; /* café Größe */ }
                """, StandardCharsets.ISO_8859_1);
        List<Path> all = new ArrayList<>(cFiles(RobustnessIT.samples()));
        all.addAll(cFiles(extra));
        Path kernel = RobustnessIT.kernel();
        if (kernel != null) {
            try (Stream<Path> s = Files.list(kernel.resolve("drivers/gpu/drm"))) {
                all.addAll(s.filter(p -> p.toString().endsWith(".c")).sorted().toList());
            }
        }
        files = all.stream().map(Path::toString).toList();
    }

    private static List<Path> cFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".c")).sorted().toList();
        }
    }

    @Test
    void sarifAndTextAreByteIdenticalAcrossJobsOrderLocaleAndCharset() throws Exception {
        byte[] sarif = run("base.sarif", List.of(), Map.of(), files, "-j1", "--format", "sarif", "--reproducible");
        byte[] text = run("base.txt", List.of(), Map.of(), files, "-j1", "--format", "text", "--stats");
        String json = new String(sarif, StandardCharsets.UTF_8);
        assertTrue(json.matches("(?s).*\"ruleId\"\\s*:\\s*\"LC002\".*"), "findings expected");
        assertTrue(json.contains("utf8.c") && json.contains("latin1.c"), "the non-ASCII files have findings");

        List<String> shuffled = new ArrayList<>(files);
        Collections.shuffle(shuffled, new Random(8));
        assertArrayEquals(sarif, run("j2.sarif", List.of(), Map.of(), shuffled, "-j2", "--format", "sarif", "--reproducible"),
                "-j2, shuffled");
        assertArrayEquals(sarif, run("locale.sarif", TURKISH_LATIN1, POSIX_LOCALE, shuffled, "-j2", "--format", "sarif",
                "--reproducible"), "LANG=C, Turkish, ISO-8859-1 default charset");
        assertArrayEquals(text, run("locale.txt", TURKISH_LATIN1, POSIX_LOCALE, shuffled, "-j2", "--format", "text",
                "--stats"), "text report under LANG=C, Turkish, ISO-8859-1");
    }

    @Test
    void startTimeIsTheOnlyDifferenceAndReproducibleOmitsIt() throws Exception {
        List<String> some = files.subList(0, Math.min(files.size(), 40));
        ObjectMapper json = new ObjectMapper();
        JsonNode reproducible = json.readTree(run("r.sarif", List.of(), Map.of(), some, "--format", "sarif", "--reproducible"));
        JsonNode timed = json.readTree(run("t.sarif", List.of(), Map.of(), some, "--format", "sarif"));
        JsonNode invocation = timed.at("/runs/0/invocations/0");
        assertTrue(invocation.path("startTimeUtc").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                invocation.toString());
        assertTrue(reproducible.at("/runs/0/invocations/0/startTimeUtc").isMissingNode());
        ((ObjectNode) invocation).remove("startTimeUtc");
        assertEquals(reproducible, timed);
    }

    /** The report the jar writes with {@code -o}, run from the repository root. */
    private static byte[] run(String name, List<String> jvm, Map<String, String> env, List<String> paths, String... options)
            throws Exception {
        Path out = work.resolve(name);
        List<String> args = new ArrayList<>(List.of("check", "--fail-on", "none", "-o", out.toString()));
        args.addAll(List.of(options));
        args.addAll(paths);
        Path jar = Path.of(System.getProperty("lockcheck.jar", "target/lockcheck.jar")).toAbsolutePath();
        CliRun r = CliRun.of(jar, RobustnessIT.samples().getParent(), jvm, env, TIMEOUT_MILLIS, args.toArray(String[]::new));
        assertEquals(0, r.exit(), name + ": " + r.err());
        return Files.readAllBytes(out);
    }
}
