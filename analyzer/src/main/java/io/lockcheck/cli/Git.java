package io.lockcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * git, run as a subprocess in the top directory of one work tree. The environment is inherited
 * on purpose: inside a git hook, {@code GIT_INDEX_FILE} names the index being committed (a
 * temporary one for {@code git commit -a} or {@code git commit FILE}).
 */
final class Git {
    private final Path top;

    private Git(Path top) {
        this.top = top;
    }

    /** One line for the user, e.g. "bad revision 'v9'"; never a stack trace. */
    static final class GitError extends Exception {
        /** git itself could not be started. */
        final boolean noGit;

        GitError(String message) {
            this(message, false);
        }

        private GitError(String message, boolean noGit) {
            super(message);
            this.noGit = noGit;
        }
    }

    /** The work tree that contains {@code dir}. */
    static Git of(Path dir) throws GitError {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            String top = new String(run(abs, List.of("rev-parse", "--show-toplevel")), StandardCharsets.UTF_8).strip();
            if (top.isEmpty()) {
                throw new GitError("not in a git work tree: " + abs);
            }
            return new Git(Path.of(top));
        } catch (GitError e) {
            throw e.noGit ? e : new GitError("not in a git work tree: " + abs);
        }
    }

    /** The work tree's top directory (symbolic links resolved, as git reports it). */
    Path top() {
        return top;
    }

    /** Runs {@code git ARGS} in the top directory; stdout as bytes. */
    byte[] run(String... args) throws GitError {
        return run(top, List.of(args));
    }

    String text(String... args) throws GitError {
        return new String(run(args), StandardCharsets.UTF_8);
    }

    /** True when {@code git ARGS} succeeds; its output is ignored. */
    boolean succeeds(String... args) {
        try {
            run(args);
            return true;
        } catch (GitError e) {
            return false;
        }
    }

    private static byte[] run(Path dir, List<String> args) throws GitError {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false"));
        command.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new GitError("cannot run git (is it installed and on PATH?): " + e.getMessage(), true);
        }
        try {
            p.getOutputStream().close(); // no input: a git that wanted some would wait forever
            // stderr is drained beside stdout so that neither pipe fills up and blocks git
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            byte[] out = p.getInputStream().readAllBytes();
            int exit = p.waitFor();
            if (exit != 0) {
                throw new GitError(firstLine(new String(err.join(), StandardCharsets.UTF_8), "git " + args.get(0)
                        + " exited with " + exit));
            }
            return out;
        } catch (IOException e) {
            throw new GitError("git " + args.get(0) + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new GitError("interrupted while running git");
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** git's own message without its "fatal: " prefix, e.g. "bad revision 'v9'". */
    private static String firstLine(String stderr, String fallback) {
        for (String line : stderr.lines().toList()) {
            String l = line.strip();
            if (!l.isEmpty()) {
                return l.replaceFirst("^(fatal|error): ", "");
            }
        }
        return fallback;
    }
}
