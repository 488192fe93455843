package io.lockcheck.frontend;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The estimate of how far a file's own macros expand, checked before CDT expands them. */
class MacroSizesTest {
    /** What bodies() stands for: the multiline pattern found anywhere in the joined text. */
    private static Map<String, List<String>> byFind(String text) {
        Pattern define = Pattern.compile("(?m)^[ \\t]*#[ \\t]*define[ \\t]+([A-Za-z_]\\w*)(\\([^)\\n]*\\))?(.*)$");
        Pattern token = Pattern.compile("[A-Za-z_]\\w*|\\S");
        Map<String, List<String>> out = new HashMap<>();
        Matcher m = define.matcher(text.replace("\\\r\n", " ").replace("\\\n", " "));
        while (m.find()) {
            List<String> tokens = new ArrayList<>();
            Matcher t = token.matcher(m.group(3));
            while (t.find()) tokens.add(t.group());
            out.put(m.group(1), tokens);
        }
        return out;
    }

    @Test
    void bodiesAgreeWithFindingThePatternAnywhere() {
        List<String> parts = List.of("#define A B B", "#define B(x) C x C", " \t# define\tC 1", "#define A(y", ")", "(",
                " x\\\n", "\\\r\n", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "#", "define ", "D", " E",
                "int f(void);", "#definex", "  ");
        RandomTexts.each(parts, 8, 14,
                text -> assertEquals(byFind(text), MacroSizes.bodies(text.toCharArray()), () -> "for " + RandomTexts.shown(text)));
    }

    @Test
    void aChainOfDoublingMacrosIsOverTheLimitAndAFlatOneIsNot() {
        StringBuilder bomb = new StringBuilder();
        for (int i = 0; i < 30; i++) bomb.append("#define M").append(i).append(" M").append(i + 1).append(" M").append(i + 1).append('\n');
        assertEquals("M0", MacroSizes.overLimit(bomb.toString().toCharArray(), 1_000_000));
        assertNull(MacroSizes.overLimit("#define A 1 2 3\n#define B A A\nint x = B;\n".toCharArray(), 1_000_000));
    }
}
