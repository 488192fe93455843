package io.lockcheck.rules.robustness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of the real lockcheck jar in a JVM of its own, as a user or CI would start it. */
record CliRun(List<String> command, int exit, String out, String err, long millis, boolean hang) {
    /** Marks of a crash on either stream: a stack trace, an escaped exception, lockcheck's own bug report. */
    private static final List<String> CRASH_MARKS = List.of("internal error", "Exception in thread", "\n\tat ",
            "OutOfMemoryError", "StackOverflowError");

    /** Runs {@code java [jvmOptions] -jar jar args...} in {@code dir}, killed after {@code timeoutMillis}. */
    static CliRun of(Path jar, Path dir, List<String> jvmOptions, Map<String, String> env, long timeoutMillis,
                     String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("lockcheck-cli", ".out");
        Path err = Files.createTempFile("lockcheck-cli", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Path.of("/dev/null").toFile()));
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        boolean done = p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS);
        if (!done) {
            p.destroyForcibly();
            p.waitFor();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        CliRun run = new CliRun(cmd, done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), millis, !done);
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** Why this run counts as a crash (an exit code outside 0..3 or a crash mark), or "" if it does not. */
    String crash() {
        if (hang) return "";
        if (exit < 0 || exit > 3) return "exit code " + exit + "\n" + err;
        for (String mark : CRASH_MARKS) {
            if (out.contains(mark) || err.contains(mark)) return "'" + mark.strip() + "' in the output:\n" + err + out;
        }
        return "";
    }

    String describe() {
        return String.join(" ", command.subList(command.indexOf("-jar") + 2, command.size()));
    }
}
