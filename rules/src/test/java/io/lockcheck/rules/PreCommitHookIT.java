package io.lockcheck.rules;

import io.lockcheck.cli.TempGitRepo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The repository's {@code .pre-commit-hooks.yaml} run by the real {@code pre-commit} program, as a
 * kernel developer's repository uses it: a hook repository (a fresh git repository holding this
 * checkout's hook file, so the test needs no network and works on a checkout without .git), and
 * {@code lockcheck} on PATH running this build's jar. A commit that reads a guarded field without
 * its lock is rejected with the gcc line; the fixed commit goes in.
 *
 * <p>Without {@code pre-commit} on PATH the test fails under {@code CI=true} (.ci/run installs
 * Debian's package) and is skipped elsewhere.
 */
class PreCommitHookIT {
    @TempDir
    Path tmp;
    private Path preCommit;
    private Path bin;
    private TempGitRepo user;
    private TempGitRepo hooks;

    @BeforeEach
    void setUp() throws Exception {
        preCommit = onPath("pre-commit");
        if (preCommit == null) {
            String why = "pre-commit is not on PATH (Debian: apt-get install pre-commit)";
            if ("true".equals(System.getenv("CI"))) fail(why + "; CI must run this test");
            abort(why);
        }
        Path jar = Path.of(System.getProperty("lockcheck.jar", "target/lockcheck.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar + " (run after package)");
        Path checkout = jar.getParent().getParent().getParent();

        // `lockcheck` on PATH, as the README's symlink to the launcher provides; here the jar the build made
        bin = Files.createDirectory(tmp.resolve("bin"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path launcher = Files.writeString(bin.resolve("lockcheck"),
                "#!/bin/sh\nexec '" + java + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar '" + jar + "' \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));

        hooks = TempGitRepo.init(Files.createDirectory(tmp.resolve("lockcheck-hooks")));
        Files.copy(checkout.resolve(".pre-commit-hooks.yaml"), hooks.dir.resolve(".pre-commit-hooks.yaml"));
        hooks.commitAll("hooks");

        user = TempGitRepo.init(Files.createDirectory(tmp.resolve("linux")));
        user.write("drivers/gpu/drm/myring/" + RingDriver.CORE_FILE, RingDriver.CORE);
        user.write("drivers/gpu/drm/myring/" + RingDriver.SUBMIT_FILE, RingDriver.SUBMIT);
        configure("");
        user.commitAll("myring driver");
        Result install = run(preCommit.toString(), "install");
        assertEquals(0, install.exit, install.output);
    }

    record Result(int exit, String output) {
    }

    /** The user's .pre-commit-config.yaml: this hook, with {@code hookLines} (indented) added. */
    private void configure(String hookLines) throws IOException, InterruptedException {
        String rev = hooks.git("rev-parse", "HEAD").strip();
        user.write(".pre-commit-config.yaml", "repos:\n  - repo: " + hooks.dir + "\n    rev: " + rev
                + "\n    hooks:\n      - id: lockcheck\n" + hookLines);
    }

    @Test
    void commitWithAnUnlockedReadIsRejectedAndTheFixedOneGoesIn() throws Exception {
        String submit = "drivers/gpu/drm/myring/" + RingDriver.SUBMIT_FILE;
        String head = user.git("rev-parse", "HEAD");

        user.write(submit, RingDriver.SUBMIT_BAD);
        user.git("add", submit);
        Result bad = run("git", "commit", "-m", "myring: return early when the ring is empty");
        assertNotEquals(0, bad.exit, bad.output);
        assertTrue(bad.output.contains(submit + ":" + RingDriver.BAD_LINE
                + ":6: warning: 'ring->tail' is read without 'ring->lock' held [LC001]"), bad.output);
        assertTrue(!bad.output.contains(RingDriver.CORE_FILE + ":"), "the sibling is context only:\n" + bad.output);
        assertEquals(head, user.git("rev-parse", "HEAD"), "the commit was blocked");

        user.write(submit, RingDriver.SUBMIT_FIXED);
        user.git("add", submit);
        Result good = run("git", "commit", "-m", "myring: return early when the ring is empty");
        assertEquals(0, good.exit, good.output);
        assertTrue(good.output.contains("Passed"), good.output);
        assertNotEquals(head, user.git("rev-parse", "HEAD"));
    }

    @Test
    void withDiffOnlyOldFindingsInATouchedFileDoNotBlockButNewOnesDo() throws Exception {
        String core = "drivers/gpu/drm/myring/" + RingDriver.CORE_FILE; // my_ring_debug_head() reads unlocked
        String doc = RingDriver.CORE.replace("/* debugfs: a racy snapshot */", "/* debugfs: a racy snapshot, on purpose */");
        user.write(core, doc);
        user.git("add", core);
        Result whole = run("git", "commit", "-m", "myring: comment");
        assertNotEquals(0, whole.exit, "by default every finding in a staged file blocks:\n" + whole.output);

        configure("        args: [--diff-only]\n");
        user.git("add", ".pre-commit-config.yaml");
        Result onlyLines = run("git", "commit", "-m", "myring: comment; lockcheck on changed lines only");
        assertEquals(0, onlyLines.exit, onlyLines.output);

        String submit = "drivers/gpu/drm/myring/" + RingDriver.SUBMIT_FILE;
        user.write(submit, RingDriver.SUBMIT_BAD);
        user.git("add", submit);
        Result bad = run("git", "commit", "-m", "myring: return early when the ring is empty");
        assertNotEquals(0, bad.exit, bad.output);
        assertTrue(bad.output.contains(submit + ":" + RingDriver.BAD_LINE + ":6: warning: "), bad.output);
    }

    /** Runs a command in the user's repository with the test's PATH, pre-commit home and git identity. */
    private Result run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(user.dir.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_")); // a surrounding hook's GIT_DIR or GIT_INDEX_FILE
        env.put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        env.put("PRE_COMMIT_HOME", tmp.resolve("pre-commit-home").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_AUTHOR_NAME", "Kernel Developer");
        env.put("GIT_AUTHOR_EMAIL", "dev@lockcheck.invalid");
        env.put("GIT_COMMITTER_NAME", "Kernel Developer");
        env.put("GIT_COMMITTER_EMAIL", "dev@lockcheck.invalid");
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("timed out: " + String.join(" ", command) + "\n" + output);
        }
        return new Result(p.exitValue(), output);
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }
}
