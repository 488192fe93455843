package io.lockcheck.suppress;

import io.lockcheck.frontend.SourceText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code lockcheck: ignore RULE[, RULE...] -- reason} comment, in either C comment form.
 * A comment that shares a line with code covers that line; a comment on lines of its own covers
 * the line after it. Like the comment {@code data_race()} asks for, the reason is required: a
 * comment without one ({@code reason} null) suppresses nothing.
 *
 * @param line        the comment's first line (where diagnostics about it point)
 * @param covers      the source line whose findings it suppresses
 * @param rules       the rule ids or names as written
 * @param reason      the text after {@code --}, or null when there is none
 */
public record SuppressionComment(int line, int covers, List<String> rules, String reason) {
    private static final Pattern IGNORE = Pattern.compile(
            "^lockcheck:\\s*ignore\\b\\s*(?<rules>.*?)\\s*(?:--\\s*(?<reason>.*?))?\\s*$", Pattern.DOTALL);

    public SuppressionComment {
        rules = List.copyOf(rules);
    }

    /** The suppression comments of a file, in source order. */
    public static List<SuppressionComment> in(SourceText src) {
        List<SuppressionComment> out = new ArrayList<>();
        char[] c = src.chars();
        int i = 0;
        while (i < c.length) {
            char ch = c[i];
            if (ch == '"' || ch == '\'') {
                i = endOfLiteral(c, i);
            } else if (ch == '/' && i + 1 < c.length && c[i + 1] == '*') {
                int close = indexOf(c, "*/", i + 2);
                int end = close < 0 ? c.length : close + 2;
                parse(src, i, end, new String(c, i + 2, (close < 0 ? c.length : close) - i - 2), out);
                i = end;
            } else if (ch == '/' && i + 1 < c.length && c[i + 1] == '/') {
                int end = i;
                while (end < c.length && c[end] != '\n') end++;
                parse(src, i, end, new String(c, i + 2, end - i - 2), out);
                i = end;
            } else {
                i++;
            }
        }
        return out;
    }

    private static void parse(SourceText src, int start, int end, String body, List<SuppressionComment> out) {
        Matcher m = IGNORE.matcher(commentText(body));
        if (!m.matches()) {
            return;
        }
        List<String> rules = Arrays.stream(m.group("rules").split("[,\\s]+")).filter(s -> !s.isEmpty()).toList();
        String reason = m.group("reason");
        int first = src.line(start);
        int last = src.line(Math.max(start, end - 1));
        boolean codeBefore = !lineBefore(src, start).isBlank();
        boolean codeAfter = !lineAfter(src, end).isBlank();
        int covers = codeBefore ? first : codeAfter ? last : last + 1;
        out.add(new SuppressionComment(first, covers, rules, reason == null || reason.isBlank() ? null : reason));
    }

    /** The comment's words: block-comment line prefixes ({@code " * "}) dropped, lines joined by a space. */
    private static String commentText(String body) {
        StringBuilder b = new StringBuilder();
        for (String line : body.split("\r?\n", -1)) {
            String t = line.strip();
            if (t.startsWith("*")) t = t.substring(1).strip();
            if (!t.isEmpty()) b.append(b.length() == 0 ? "" : " ").append(t);
        }
        return b.toString();
    }

    private static String lineBefore(SourceText src, int offset) {
        int lineStart = offset - (src.column(offset) - 1);
        return src.text(lineStart, offset - lineStart);
    }

    private static String lineAfter(SourceText src, int offset) {
        if (offset >= src.chars().length) return "";
        String rest = src.lineText(src.line(offset));
        return rest.substring(Math.min(rest.length(), src.column(offset) - 1));
    }

    /** Skips a string or character literal (with its escapes); returns the offset after it. */
    private static int endOfLiteral(char[] c, int open) {
        int i = open + 1;
        while (i < c.length && c[i] != c[open] && c[i] != '\n') {
            i += c[i] == '\\' ? 2 : 1;
        }
        return Math.min(c.length, i + 1);
    }

    private static int indexOf(char[] c, String s, int from) {
        outer:
        for (int i = from; i + s.length() <= c.length; i++) {
            for (int k = 0; k < s.length(); k++) {
                if (c[i + k] != s.charAt(k)) continue outer;
            }
            return i;
        }
        return -1;
    }
}
