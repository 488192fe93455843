package io.lockcheck.frontend.precise;

import io.lockcheck.frontend.CTokens;
import io.lockcheck.frontend.CTokens.Token;

import java.util.List;
import java.util.Set;

/**
 * Empties the bodies of the inline functions a header defines. lockcheck lowers only the
 * functions of the file it analyses, and kernel headers are mostly inline function bodies
 * (atomics, bitops, page flags): without them each translation unit preprocesses and parses a
 * fraction of the text. Declarations, structs and macros stay. A body is emptied only when it is
 * plainly one: at file scope, after a parameter list, in a declaration that says static or
 * inline and has no '=', and with no preprocessor line inside (whose branches could unbalance
 * the braces). Newlines are kept, so line numbers do not move.
 */
final class InlineBodies {
    private static final Set<String> INLINE = Set.of("static", "inline", "__inline", "__inline__", "__always_inline");

    private InlineBodies() {
    }

    static char[] strip(char[] text) {
        List<Token> toks = CTokens.of(text);
        char[] out = null;
        int depth = 0;
        int statement = 0; // first token of the current file-scope declaration
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.is("{")) {
                if (depth == 0 && i > 0 && toks.get(i - 1).is(")") && inlineDefinition(toks, statement, i)) {
                    int close = closing(toks, i);
                    if (close > 0 && !hasDirective(text, t.start(), toks.get(close).start())) {
                        if (out == null) out = text.clone();
                        for (int c = t.start() + 1; c < toks.get(close).start(); c++) {
                            if (out[c] != '\n') out[c] = ' ';
                        }
                        i = close;
                        statement = i + 1;
                        continue;
                    }
                }
                depth++;
            } else if (t.is("}")) {
                depth = Math.max(0, depth - 1);
                if (depth == 0) statement = i + 1;
            } else if (t.is(";") && depth == 0) {
                statement = i + 1;
            }
        }
        return out == null ? text : out;
    }

    private static boolean inlineDefinition(List<Token> toks, int from, int to) {
        boolean inline = false;
        for (int i = from; i < to; i++) {
            Token t = toks.get(i);
            if (t.is("=")) return false;
            if (t.kind() == CTokens.Kind.IDENT && INLINE.contains(t.text())) inline = true;
        }
        return inline;
    }

    private static int closing(List<Token> toks, int open) {
        int depth = 0;
        for (int i = open; i < toks.size(); i++) {
            if (toks.get(i).is("{")) depth++;
            else if (toks.get(i).is("}") && --depth == 0) return i;
        }
        return -1;
    }

    /** A line starting with '#' between {@code from} and {@code to}. */
    private static boolean hasDirective(char[] text, int from, int to) {
        boolean lineStart = false;
        for (int c = from; c < to; c++) {
            char ch = text[c];
            if (ch == '\n') lineStart = true;
            else if (ch == '#' && lineStart) return true;
            else if (!Character.isWhitespace(ch)) lineStart = false;
        }
        return false;
    }
}
