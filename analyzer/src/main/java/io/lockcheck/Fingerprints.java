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
 * white space removed, and the occurrence number of that triple (GitHub's
 * primaryLocationLineHash form {@code hash:n}).
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
            String line = src == null ? "" : src.lineText(f.location().line()).replaceAll("\\s+", "");
            String key = f.ruleId() + "|" + f.function() + "|" + line + "|" + f.message();
            int n = seen.merge(key, 1, Integer::sum);
            out.add(f.withFingerprint(sha(key) + ":" + n));
        }
        return out;
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
