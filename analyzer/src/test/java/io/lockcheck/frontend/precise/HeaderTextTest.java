package io.lockcheck.frontend.precise;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the header cache does to header text: it must keep every line where it was. */
class HeaderTextTest {
    private static String compact(String s) {
        return new String(CompactText.of(s.toCharArray()));
    }

    private static String bodies(String s) {
        return new String(InlineBodies.strip(s.toCharArray()));
    }

    @Test
    void commentsAndBlankRunsGoLinesStay() {
        assertEquals("int a;\n\n\nint b;\n", compact("int   a; /* one\n two\n */\nint\tb; // gone\n"));
        assertEquals("char *s = \"/* kept */\";\n", compact("char *s = \"/* kept */\";\n"));
    }

    @Test
    void aCommentInsideADirectiveKeepsTheDirectiveGoing() {
        assertEquals("#define X 1\\\n + 2\nint y;\n", compact("#define X 1 /* a\n */ + 2\nint y;\n"));
    }

    @Test
    void inlineFunctionBodiesAreEmptiedStructsAndInitialisersAreNot() {
        String header = """
                static inline int f(int x)
                {
                	return x + 1;
                }
                struct s { int a; };
                static const struct s t = { 1 };
                int g(int);
                """;
        String out = bodies(header);
        assertEquals(header.lines().count(), out.lines().count());
        assertEquals("static inline int f(int x)\n{\n              \n}\n", out.substring(0, out.indexOf("struct")));
        assertEquals(header.substring(header.indexOf("struct")), out.substring(out.indexOf("struct")));
    }

    @Test
    void aBodyWithPreprocessorLinesIsLeftAlone() {
        String header = "static inline int f(void)\n{\n#ifdef X\n\treturn 1;\n#endif\n\treturn 0;\n}\n";
        assertEquals(header, bodies(header));
    }
}
