package io.lockcheck.cli;

import io.lockcheck.rule.Rule;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs {@link Main} in-process with captured streams, a given rule list and a given engine. */
final class CliHarness {
    record Outcome(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private CliHarness() {
    }

    static Outcome run(List<Rule> rules, Engine engine, String... args) {
        return run(new CliContext(() -> rules, engine, false), args);
    }

    static Outcome run(CliContext context, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(context, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
