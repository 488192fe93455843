package io.lockcheck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A throw-away git repository for tests (the rules module's too): write files, run git, commit. */
public final class TempGitRepo {
    public final Path dir;

    private TempGitRepo(Path dir) {
        this.dir = dir;
    }

    public static TempGitRepo init(Path dir) throws IOException, InterruptedException {
        TempGitRepo repo = new TempGitRepo(dir);
        repo.git("init", "-q");
        return repo;
    }

    public Path write(String relative, String text) throws IOException {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, text);
    }

    public void commitAll(String message) throws IOException, InterruptedException {
        git("add", "-A");
        git("-c", "user.name=lockcheck test", "-c", "user.email=test@lockcheck.invalid", "-c", "commit.gpgsign=false",
                "commit", "-q", "--no-verify", "-m", message);
    }

    public String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null"); // the developer's own settings stay out
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }
}
