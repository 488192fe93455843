package io.lockcheck.cfg;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expression texts: whitespace collapsed as the regex did, and bounded in length. */
class ExpressionTextTest {
    @Test
    void agreesWithTheRegexOnRandomText() {
        Random r = new Random(42);
        char[] alphabet = {' ', '\t', '\n', '\r', '\f', 0x0B, 'a', 'b', '(', '-', '>', 0xA0};
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = r.nextInt(12); i > 0; i--) b.append(alphabet[r.nextInt(alphabet.length)]);
            String s = b.toString();
            assertEquals(s.replaceAll("\\s+", " "), Texts.collapseSpaces(s), () -> "input: " + s.chars().boxed().toList());
        }
    }

    @Test
    void returnsTextWithoutRunsUnchanged() {
        String s = "obj->lru->lock";
        assertSame(s, Texts.collapseSpaces(s));
        assertEquals("a b c", Texts.collapseSpaces("a \n\tb  c"));
    }

    @Test
    void longTextsKeepTheirStartAndStayDistinct() {
        String a = "f(".repeat(5000) + "x" + ")".repeat(5000);
        String b = "f(".repeat(5000) + "y" + ")".repeat(5000);
        String boundedA = Texts.bounded(a);
        assertTrue(boundedA.length() <= Texts.MAX_TEXT, boundedA);
        assertTrue(boundedA.startsWith("f(f(f("));
        assertNotEquals(boundedA, Texts.bounded(b), "texts name values: two long ones must not become one");
        String shortText = "obj->lru";
        assertSame(shortText, Texts.bounded(shortText));
    }
}
