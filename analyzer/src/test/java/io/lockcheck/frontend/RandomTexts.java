package io.lockcheck.frontend;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Seeded random concatenations of tricky fragments, for checking a scanner against the regex it replaced. */
final class RandomTexts {
    private RandomTexts() {
    }

    static void each(List<String> parts, long seed, int maxParts, Consumer<String> check) {
        Random random = new Random(seed);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(maxParts); k >= 0; k--) b.append(parts.get(random.nextInt(parts.size())));
            check.accept(b.toString());
        }
    }

    /** The text with its line ends visible, for a failure message. */
    static String shown(String text) {
        return text.replace("\n", "\\n").replace("\r", "\\r");
    }
}
