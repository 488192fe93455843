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
            } else if (isWhitespace(c)) {
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
                if (isLetter(c) || c == '_') {
                    while (i < n && (isLetterOrDigit(s[i]) || s[i] == '_')) i++;
                    if (i < n && (s[i] == '"' || s[i] == '\'') && isPrefix(s, start, i)) {
                        char q = s[i];
                        i = quoted(s, i);
                        out.add(new Token(q == '"' ? Kind.STRING : Kind.CHAR, new String(s, start, i - start), start));
                    } else {
                        out.add(new Token(Kind.IDENT, new String(s, start, i - start), start));
                    }
                } else if (isDigit(c)) {
                    while (i < n && (isLetterOrDigit(s[i]) || s[i] == '_' || s[i] == '.')) i++;
                    out.add(new Token(Kind.NUMBER, new String(s, start, i - start), start));
                } else if (c == '"' || c == '\'') {
                    i = quoted(s, i);
                    out.add(new Token(c == '"' ? Kind.STRING : Kind.CHAR, new String(s, start, i - start), start));
                } else {
                    i++;
                    out.add(new Token(Kind.PUNCT, c < PUNCT.length ? PUNCT[c] : String.valueOf(c), start));
                }
            }
        }
        return out;
    }

    /** One string per ASCII character: a file has hundreds of thousands of punctuation tokens. */
    private static final String[] PUNCT = new String[128];

    static {
        for (char c = 0; c < PUNCT.length; c++) PUNCT[c] = String.valueOf(c).intern();
    }

    // ASCII first; the Character methods (Unicode tables) only for the rare non-ASCII character
    private static boolean isWhitespace(char c) {
        return c < 128 ? c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1c && c <= 0x1f : Character.isWhitespace(c);
    }

    private static boolean isLetter(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c);
    }

    private static boolean isDigit(char c) {
        return c < 128 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return isLetter(c) || isDigit(c);
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

    /**
     * Names the file itself #defines: {@code ^[ \t]*#[ \t]*define[ \t]+NAME} at the start of any
     * line (after any of Java's line terminators, as the multiline regex it replaces). A scan,
     * not that regex: it runs on every file.
     */
    static Set<String> definedMacros(char[] s) {
        Set<String> out = new java.util.HashSet<>();
        int n = s.length;
        for (int i = 0; i < n; i++) {
            if (i > 0 && !lineTerminator(s[i - 1])) continue;
            int j = blanks(s, i);
            if (j >= n || s[j] != '#') continue;
            j = blanks(s, j + 1);
            if (!startsWith(s, j, "define")) continue;
            int k = blanks(s, j + 6);
            if (k == j + 6 || k >= n || !(s[k] == '_' || s[k] < 128 && isLetter(s[k]))) continue;
            int end = k;
            while (end < n && (s[end] == '_' || s[end] < 128 && isLetterOrDigit(s[end]))) end++;
            out.add(new String(s, k, end - k));
        }
        return out;
    }

    /** The characters after which a multiline regex {@code ^} matches (a \n after \r\n's \r starts no directive). */
    static boolean lineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static int blanks(char[] s, int i) {
        while (i < s.length && (s[i] == ' ' || s[i] == '\t')) i++;
        return i;
    }

    static boolean startsWith(char[] s, int at, String word) {
        if (at + word.length() > s.length) return false;
        for (int k = 0; k < word.length(); k++) if (s[at + k] != word.charAt(k)) return false;
        return true;
    }
}
