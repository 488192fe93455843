package io.lockcheck.frontend;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rough tokenizer behind FileShapes, and its scan for the names a file #defines. */
class CTokensTest {
    /** What definedMacros stands for: the multiline regex it replaced. */
    private static final Pattern DEFINE = Pattern.compile("(?m)^[ \\t]*#[ \\t]*define[ \\t]+([A-Za-z_][A-Za-z0-9_]*)");

    private static Set<String> byRegex(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = DEFINE.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static Set<String> byScan(String text) {
        return new TreeSet<>(CTokens.definedMacros(text.toCharArray()));
    }

    @Test
    void definedMacrosAtLineStartsOnly() {
        String c = "#define A 1\n  # define\tB_2(x) x\nint x; #define C\n#definex D\n//#define E\n#define\n#define 9F\n";
        assertEquals(Set.of("A", "B_2"), byScan(c));
    }

    @Test
    void definedMacrosAgreeWithTheRegexOnEveryLineTerminatorAndOddSpacing() {
        List<String> parts = List.of("#define A1 1", " \t#  define\tb_2(x) x", "#definex", "#define", " ", "\t",
                "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "x", "#", "define", " Q", "_r", "\u00e9t\u00e9",
                "/* #define N */", "\\\n", "9");
        RandomTexts.each(parts, 6, 12, text -> assertEquals(byRegex(text), byScan(text), () -> "for " + RandomTexts.shown(text)));
    }

    @Test
    void tokensKeepNonAsciiLettersInNamesAndSplitPunctuation() {
        List<CTokens.Token> toks = CTokens.of("caf\u00e9_1 = x->y\u2003+ 0x1f;".toCharArray());
        assertEquals(List.of("caf\u00e9_1", "=", "x", "-", ">", "y", "+", "0x1f", ";"),
                toks.stream().map(CTokens.Token::text).toList());
        assertEquals(CTokens.Kind.IDENT, toks.get(0).kind());
        assertEquals(CTokens.Kind.NUMBER, toks.get(7).kind());
        assertEquals(true, toks.get(1).is("="));
    }
}
