package io.lockcheck.frontend.precise;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a compile command into words as a POSIX shell would for the quoting compilers see in
 * kbuild commands: whitespace separates, '...' is literal, "..." keeps \" and \\, a backslash
 * escapes the next character. No expansions.
 */
final class ShellWords {
    private ShellWords() {
    }

    static List<String> split(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder w = null;
        int n = command.length();
        for (int i = 0; i < n; i++) {
            char c = command.charAt(i);
            if (Character.isWhitespace(c)) {
                if (w != null) out.add(w.toString());
                w = null;
                continue;
            }
            if (w == null) w = new StringBuilder();
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) end = n;
                w.append(command, i + 1, end);
                i = end;
            } else if (c == '"') {
                for (i++; i < n && command.charAt(i) != '"'; i++) {
                    char d = command.charAt(i);
                    if (d == '\\' && i + 1 < n && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) d = command.charAt(++i);
                    w.append(d);
                }
            } else if (c == '\\' && i + 1 < n) {
                w.append(command.charAt(++i));
            } else {
                w.append(c);
            }
        }
        if (w != null) out.add(w.toString());
        return out;
    }
}
