package io.lockcheck.cfg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The hand-written whitespace collapse must agree with the regex it replaced, on any text. */
class CollapseSpacesTest {
    @Test
    void agreesWithTheRegexOnRandomText() {
        Random r = new Random(42);
        char[] alphabet = {' ', '\t', '\n', '\r', '\f', 0x0B, 'a', 'b', '(', '-', '>', 0xA0};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(12); i > 0; i--) b.append(alphabet[r.nextInt(alphabet.length)]);
            String s = b.toString();
            assertEquals(s.replaceAll("\\s+", " "), CfgBuilder.collapseSpaces(s), () -> "input: " + s.chars().boxed().toList());
        }
    }

    @Test
    void returnsTextWithoutRunsUnchanged() {
        String s = "obj->lru->lock";
        assertSame(s, CfgBuilder.collapseSpaces(s));
        assertEquals("a b c", CfgBuilder.collapseSpaces("a \n\tb  c"));
    }
}
