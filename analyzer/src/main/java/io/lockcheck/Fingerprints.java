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
        Map<String, Integer> seen = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : sorted) {
            SourceText src = sources.computeIfAbsent(f.location().file(), p -> {
                try {
                    return SourceText.read(p);
                } catch (IOException e) {
                    return null;
                }
            });
            String line = src == null ? "" : code(src.lineText(f.location().line()));
            String key = f.ruleId() + "|" + f.function() + "|" + line + "|" + subjects(f.message());
            int n = seen.merge(key, 1, Integer::sum);
            out.add(f.withFingerprint(sha(key) + ":" + n));
        }
        return out;
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

    private static String sha(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
