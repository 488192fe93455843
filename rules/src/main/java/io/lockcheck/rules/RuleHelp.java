package io.lockcheck.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads a rule's markdown help, kept beside the rule as a resource ({@code LC008.md}). */
final class RuleHelp {
    private RuleHelp() {
    }

    static String load(String id) {
        try (InputStream in = RuleHelp.class.getResourceAsStream(id + ".md")) {
            if (in == null) throw new IllegalStateException("missing help for " + id);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
