package io.lockcheck.rules;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's Neovim setup against the shaded jar: headless Neovim opens a sample, its own
 * LSP client starts {@code lockcheck lsp}, and the diagnostics and hover it shows are checked.
 * Needs {@code nvim} on PATH (Debian's {@code neovim}, which .ci/run installs); without it the
 * test fails under {@code CI=true} and is skipped elsewhere.
 */
class NeovimIT {
    @Test
    void neovimShowsTheSampleFindingsAndRuleHelp(@TempDir Path tmp) throws Exception {
        Path nvim = onPath("nvim");
        if (nvim == null) {
            String why = "nvim not on PATH (apt-get install neovim)";
            if ("true".equals(System.getenv("CI"))) fail(why + "; CI=true requires it");
            Assumptions.abort(why);
        }
        Path jar = Path.of(System.getProperty("lockcheck.jar", "target/lockcheck.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no " + jar + ": the IT runs after 'package'");
        Path init = copy("nvim/init.lua", tmp), report = copy("nvim/report.lua", tmp);
        Path out = tmp.resolve("out.txt"), log = tmp.resolve("nvim.log");
        Path sample = SamplesTest.samplesDir().resolve("LC001-unlocked-read/annotated.c");

        ProcessBuilder pb = new ProcessBuilder(nvim.toString(), "--headless", "--clean", "-u", init.toString(),
                sample.toString(), "-c", "luafile " + report)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        pb.environment().put("LOCKCHECK_LSP_CMD", String.join("\t", java, "-jar", jar.toString(), "lsp"));
        pb.environment().put("LOCKCHECK_NVIM_OUT", out.toString());
        for (String xdg : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")) {
            pb.environment().put(xdg, tmp.resolve(xdg).toString()); // Neovim's LSP log and state stay here
        }
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("nvim did not finish in 300 s; its output:\n" + read(log));
        }
        assertTrue(Files.exists(out), () -> "nvim wrote no report; its output:\n" + read(log));
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);

        Set<String> got = new TreeSet<>();
        for (String l : lines) {
            if (!l.startsWith("diag ")) continue;
            String[] f = l.substring(5).split(":");
            got.add(f[0] + ":" + f[2]);
            assertEquals("2", f[3], "LC001 is a warning (vim.diagnostic.severity.WARN): " + l);
            assertEquals("lockcheck", f[4], l);
        }
        SampleMarkers m = SampleMarkers.read(sample);
        Set<String> wanted = new TreeSet<>(m.expect());
        wanted.addAll(m.spurious());
        assertEquals(wanted, got, () -> "nvim's report:\n" + String.join("\n", lines) + "\nnvim:\n" + read(log));
        assertTrue(lines.contains("hover ## LC001 UnlockedRead"), () -> "no rule help on hover:\n" + String.join("\n", lines));
    }

    private static Path copy(String resource, Path dir) throws IOException {
        Path to = dir.resolve(Path.of(resource).getFileName());
        try (InputStream in = NeovimIT.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing test resource " + resource);
            Files.copy(in, to);
        }
        return to;
    }

    private static Path onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
