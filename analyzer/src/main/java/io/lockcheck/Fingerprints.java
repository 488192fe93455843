package io.lockcheck;

import io.lockcheck.frontend.SourceText;
import io.lockcheck.rule.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints that survive line shifts: rule, function, the finding's source line with
 * comments and white space removed, the names the message quotes outside its parenthesised
 * evidence, and the occurrence number of that key (GitHub's primaryLocationLineHash form
 * {@code hash:n}). Evidence is left out because code elsewhere changes it ("held 3 of 3 times"
 * becomes "4 of 4"), and comments because adding one (a suppression) does not change the code.
 */
final class Fingerprints {
    private Fingerprints() {
    }

    static List<Finding> assign(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        java.util.Collections.sort(sorted);
        Map<Path, SourceText> sources = new HashMap<>();
        Map<Key, Integer> seen = new HashMap<>();
        // Each (file, line) is stripped once and each (rule, function, line) hashed once: a
        // generated 360 KB line with 20,000 findings on it otherwise costs minutes.
        Map<Path, Map<Integer, String>> lines = new HashMap<>();
        Map<Key, MessageDigest> prefixes = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : sorted) {
            SourceText src = sources.computeIfAbsent(f.location().file(), p -> {
                try {
                    return SourceText.read(p);
                } catch (IOException e) {
                    return null;
                }
            });
            String line = lines.computeIfAbsent(f.location().file(), p -> new HashMap<>())
                    .computeIfAbsent(f.location().line(), l -> src == null ? "" : code(src.lineText(l)));
            Key site = new Key(f.ruleId(), f.function(), line, "");
            MessageDigest prefix = prefixes.computeIfAbsent(site, k -> digestOf(k.rule() + "|" + k.function() + "|", line));
            String subjects = subjects(f.message());
            int n = seen.merge(new Key(f.ruleId(), f.function(), line, subjects), 1, Integer::sum);
            out.add(f.withFingerprint(sha(prefix, "|" + subjects) + ":" + n));
        }
        return out;
    }

    /** rule|function|code line|subjects: the text whose SHA-256 is the fingerprint. */
    private record Key(String rule, String function, String line, String subjects) {
    }

    /** A line's code: comments and white space removed. */
    static String code(String line) {
        return line.replaceAll("/\\*.*?(\\*/|$)", "").replaceAll("//.*", "").replaceAll("\\s+", "");
    }

    /** The 'quoted' names of a message outside parentheses: what it is about, not why. */
    static String subjects(String message) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (char c : message.toCharArray()) {
            if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth = Math.max(0, depth - 1);
            else if (depth == 0 && c == '\'') {
                quoted = !quoted;
                out.append(quoted ? "" : "|");
            } else if (depth == 0 && quoted) out.append(c);
        }
        return out.length() == 0 ? message : out.toString();
    }

    private static MessageDigest digestOf(String before, String line) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(before.getBytes(StandardCharsets.UTF_8));
            d.update(line.getBytes(StandardCharsets.UTF_8));
            return d;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash of the prefix's text followed by {@code rest}; the prefix state is kept. */
    private static String sha(MessageDigest prefix, String rest) {
        try {
            MessageDigest d = (MessageDigest) prefix.clone();
            d.update(rest.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest(), 0, 8);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
