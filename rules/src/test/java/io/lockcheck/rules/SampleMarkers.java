package io.lockcheck.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The markers of one sample file (DESIGN §7), as "line:RULE" strings:
 * {@code expect} (must fire), {@code missing} (known false negative: must not fire yet),
 * {@code spurious} (known false positive: must still fire). {@code @+N} moves a marker N lines down.
 */
record SampleMarkers(Set<String> expect, Set<String> missing, Set<String> spurious) {
    private static final Pattern MARKER =
            Pattern.compile("/\\*\\s*(expect|missing|spurious)(?:@\\+(\\d+))?\\s*:\\s*([A-Z0-9, ]+?)\\s*\\*/");

    static SampleMarkers read(Path file) throws IOException {
        Set<String> expect = new TreeSet<>(), missing = new TreeSet<>(), spurious = new TreeSet<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = MARKER.matcher(lines.get(i));
            while (m.find()) {
                int line = i + 1 + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
                Set<String> into = switch (m.group(1)) {
                    case "expect" -> expect;
                    case "missing" -> missing;
                    default -> spurious;
                };
                for (String rule : m.group(3).split(",")) {
                    if (!rule.isBlank()) into.add(line + ":" + rule.strip());
                }
            }
        }
        return new SampleMarkers(expect, missing, spurious);
    }
}
