package io.lockcheck.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A rough C tokenizer for {@link FileShapes}: names, string and character literals, numbers and
 * one-character punctuation, with comments and preprocessor lines dropped. Not a preprocessor.
 */
public final class CTokens {
    public enum Kind { IDENT, STRING, CHAR, NUMBER, PUNCT }

    /** {@code start}: offset of the token's first character in the text. */
    public record Token(Kind kind, String text, int start) {
        public boolean is(String s) {
            return kind == Kind.PUNCT && text.equals(s);
        }
    }

    private CTokens() {
    }

    public static List<Token> of(char[] s) {
        List<Token> out = new ArrayList<>();
        int i = 0, n = s.length;
        boolean lineStart = true;
        while (i < n) {
            char c = s[i];
            if (c == '\n') {
                lineStart = true;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
                while (i < n && s[i] != '\n') i++;
            } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
                i += 2;
                while (i + 1 < n && !(s[i] == '*' && s[i + 1] == '/')) i++;
                i += 2;
            } else if (c == '#' && lineStart) {
                i = endOfDirective(s, i);
            } else {
                lineStart = false;
                int start = i;
                if (Character.isLetter(c) || c == '_') {
                    while (i < n && (Character.isLetterOrDigit(s[i]) || s[i] == '_')) i++;
                    if (i < n && (s[i] == '"' || s[i] == '\'') && isPrefix(s, start, i)) {
                        char q = s[i];
                        i = quoted(s, i);
                        out.add(new Token(q == '"' ? Kind.STRING : Kind.CHAR, new String(s, start, i - start), start));
                    } else {
                        out.add(new Token(Kind.IDENT, new String(s, start, i - start), start));
                    }
                } else if (Character.isDigit(c)) {
                    while (i < n && (Character.isLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '.')) i++;
                    out.add(new Token(Kind.NUMBER, new String(s, start, i - start), start));
                } else if (c == '"' || c == '\'') {
                    i = quoted(s, i);
                    out.add(new Token(c == '"' ? Kind.STRING : Kind.CHAR, new String(s, start, i - start), start));
                } else {
                    i++;
                    out.add(new Token(Kind.PUNCT, String.valueOf(c), start));
                }
            }
        }
        return out;
    }

    /** u8"x", L'x' and friends: the prefix is part of the literal. */
    private static boolean isPrefix(char[] s, int from, int to) {
        String p = new String(s, from, to - from);
        return p.equals("L") || p.equals("u") || p.equals("U") || p.equals("u8");
    }

    /** The index after the literal opened by the quote at {@code i} (or the end of its line). */
    private static int quoted(char[] s, int i) {
        char q = s[i++];
        while (i < s.length && s[i] != q && s[i] != '\n') {
            if (s[i] == '\\') i++;
            i++;
        }
        return Math.min(s.length, i + 1);
    }

    /** The index after a preprocessor directive, with its backslash continuations and comments. */
    private static int endOfDirective(char[] s, int i) {
        while (i < s.length && s[i] != '\n') {
            if (s[i] == '\\' && i + 1 < s.length && s[i + 1] == '\n') i += 2;
            else if (s[i] == '\\' && i + 2 < s.length && s[i + 1] == '\r' && s[i + 2] == '\n') i += 3;
            else if (s[i] == '/' && i + 1 < s.length && s[i + 1] == '*') {
                i += 2;
                while (i + 1 < s.length && !(s[i] == '*' && s[i + 1] == '/')) i++;
                i += 2;
            } else i++;
        }
        return i;
    }

    /** The index of the ')' matching the '(' at {@code open}, or -1. */
    static int matching(List<Token> toks, int open) {
        int depth = 0;
        for (int i = open; i < toks.size(); i++) {
            if (toks.get(i).is("(")) depth++;
            else if (toks.get(i).is(")") && --depth == 0) return i;
            else if (toks.get(i).is(";") || toks.get(i).is("{") || toks.get(i).is("}")) return -1;
        }
        return -1;
    }

    private static final java.util.regex.Pattern DEFINE =
            java.util.regex.Pattern.compile("(?m)^[ \\t]*#[ \\t]*define[ \\t]+([A-Za-z_][A-Za-z0-9_]*)");

    /** Names the file itself #defines. */
    static Set<String> definedMacros(char[] s) {
        Set<String> out = new java.util.HashSet<>();
        var m = DEFINE.matcher(java.nio.CharBuffer.wrap(s));
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
