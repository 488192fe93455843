package io.lockcheck.frontend.precise;

/**
 * Header text with what the preprocessor would throw away already gone: comments and runs of
 * blanks (over a third of kernel header text). CDT lexes every header once per translation unit,
 * so this is paid once per run instead. Line numbers stay: a comment keeps its newlines, and one
 * inside a directive keeps them as line splices so the directive still continues.
 */
final class CompactText {
    private CompactText() {
    }

    static char[] of(char[] s) {
        StringBuilder out = new StringBuilder(s.length);
        int n = s.length;
        boolean directive = false; // the current logical line is a preprocessor directive
        boolean lineStart = true;
        boolean blank = false;     // a blank is pending
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c == '/' && i + 1 < n && s[i + 1] == '*') {
                int end = i + 2;
                while (end + 1 < n && !(s[end] == '*' && s[end + 1] == '/')) end++;
                end = Math.min(n, end + 2);
                blank = true;
                for (int k = i; k < end; k++) {
                    if (s[k] == '\n') out.append(directive ? "\\\n" : "\n");
                }
                i = end - 1;
            } else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
                int end = i;
                while (end < n && s[end] != '\n') end++;
                if (end > i && s[end - 1] == '\\') { // a spliced // comment: leave it to CDT
                    out.append(s, i, end - i);
                } else {
                    blank = true;
                }
                i = end - 1;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                blank = true;
            } else if (c == '\n') {
                boolean spliced = out.length() > 0 && out.charAt(out.length() - 1) == '\\';
                out.append('\n');
                blank = false;
                lineStart = true;
                if (!spliced) directive = false;
            } else {
                if (blank && !lineStart) out.append(' ');
                blank = false;
                if (lineStart && c == '#') directive = true;
                lineStart = false;
                if (c == '"' || c == '\'') {
                    int end = i + 1;
                    while (end < n && s[end] != c && s[end] != '\n') {
                        if (s[end] == '\\') end++;
                        end++;
                    }
                    end = Math.min(n, end + 1);
                    out.append(s, i, end - i);
                    i = end - 1;
                } else {
                    out.append(c);
                }
            }
        }
        char[] r = new char[out.length()];
        out.getChars(0, r.length, r, 0);
        return r;
    }
}
