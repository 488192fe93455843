package io.lockcheck.rules;

import io.lockcheck.rule.RuleSet;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code lockcheck lsp} as an editor runs it: the shaded jar in its own process, spoken to over
 * its stdin and stdout. Catches what only the jar can get wrong: lsp4j and Gson missing or
 * broken by shading, the service file that finds the rules, anything printed on stdout.
 */
class LspJarIT {
    private static final Path JAR = Path.of(System.getProperty("lockcheck.jar", "target/lockcheck.jar")).toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private static ProcessBuilder lockcheck(Path stderr, String... args) {
        assertTrue(Files.isRegularFile(JAR), "no " + JAR + ": the IT runs after 'package'");
        List<String> cmd = new ArrayList<>(List.of(JAVA.toString(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(stderr.toFile());
    }

    @Test
    void editorSessionOverStdio(@TempDir Path tmp) throws Exception {
        Path stderr = tmp.resolve("stderr");
        Process p = lockcheck(stderr, "lsp").start();
        try {
            LspSession s = new LspSession(p.getInputStream(), p.getOutputStream());
            s.initialize();
            Path file = SamplesTest.samplesDir().resolve("LC001-unlocked-read/annotated.c");
            String uri = s.open(file);
            List<Diagnostic> ds = s.diagnostics(uri).getDiagnostics();
            Set<String> got = new TreeSet<>();
            ds.forEach(d -> got.add((d.getRange().getStart().getLine() + 1) + ":" + d.getCode().getLeft()));
            SampleMarkers markers = SampleMarkers.read(file);
            Set<String> wanted = new TreeSet<>(markers.expect());
            wanted.addAll(markers.spurious());
            assertEquals(wanted, got, () -> "log:\n" + s.log());

            Hover h = s.hover(uri, ds.get(0).getRange().getStart());
            String help = RuleSet.loadAll().stream().filter(r -> r.info().id().equals("LC001")).findFirst()
                    .orElseThrow().info().helpMarkdown().strip();
            assertEquals(help, h.getContents().getRight().getValue());

            s.close(uri);
            assertEquals(List.of(), s.diagnostics(uri).getDiagnostics());
            LspSession.assertNoErrors(s);
            s.shutdownAndExit();
            if (!p.waitFor(60, TimeUnit.SECONDS)) fail("lockcheck lsp did not exit after shutdown and exit");
            assertEquals(0, p.exitValue());
            assertEquals("", Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void malformedSpecIsOneLineAndExitTwoBeforeServing(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("bad.yaml");
        Files.writeString(spec, "guards: [unclosed\n");
        Path stderr = tmp.resolve("stderr");
        Process p = lockcheck(stderr, "lsp", "--spec", spec.toString())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("lockcheck lsp did not exit");
        }
        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), () -> String.join("\n", lines));
        assertEquals(1, lines.size(), () -> String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("lockcheck: error: " + spec + ":"), lines.get(0));
        assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8), "nothing on stdout");
    }
}
