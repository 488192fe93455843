package io.lockcheck.frontend;

import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many tokens a file's own macros expand to, estimated before CDT sees them. CDT expands a
 * macro into a list of all its tokens at once, so {@code #define A B B}, {@code #define B C C},
 * ... (30 lines) would fill any heap before {@link ParseLimit} counts a single token.
 */
final class MacroSizes {
    private static final Pattern DEFINE = Pattern.compile("(?m)^[ \\t]*#[ \\t]*define[ \\t]+([A-Za-z_]\\w*)(\\([^)\\n]*\\))?(.*)$");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_]\\w*|\\S");

    private final Map<String, List<String>> bodies = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();

    private MacroSizes(Map<String, List<String>> bodies) {
        this.bodies.putAll(bodies);
    }

    /**
     * Each #define's name and body tokens, the later definition of a name winning. What
     * {@code while (DEFINE.matcher(joined).find())} finds, but the pattern is only tried where a
     * line starts with '#': trying it at every offset of every file was 3% of a run. On the
     * characters, not a String of the file: that copy and two replace() copies were 4% of a run.
     */
    static Map<String, List<String>> bodies(char[] text) {
        char[] joined = joined(text);
        int n = joined.length;
        Map<String, List<String>> out = new HashMap<>();
        Matcher m = DEFINE.matcher(CharBuffer.wrap(joined));
        for (int i = 0; i < n; i++) {
            if (i > 0 && !CTokens.lineTerminator(joined[i - 1])) continue;
            int j = i;
            while (j < n && (joined[j] == ' ' || joined[j] == '\t')) j++;
            if (j >= n || joined[j] != '#') continue;
            m.region(i, n);
            if (!m.lookingAt()) continue;
            List<String> tokens = new ArrayList<>();
            Matcher t = TOKEN.matcher(m.group(3));
            while (t.find()) tokens.add(t.group());
            out.put(m.group(1), tokens);
            i = Math.max(i, m.end() - 1); // as find() does, go on after the match
        }
        return out;
    }

    /**
     * The text with each line continuation (backslash, then LF or CR LF) as one space, as the
     * two replace() calls of the pattern's definition make it, in one pass: the two sequences
     * cannot overlap, and a space starts no new one.
     */
    private static char[] joined(char[] s) {
        int n = s.length;
        char[] out = new char[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c == '\\' && i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') {
                out[k++] = ' ';
                i += 2;
            } else if (c == '\\' && i + 1 < n && s[i + 1] == '\n') {
                out[k++] = ' ';
                i++;
            } else {
                out[k++] = c;
            }
        }
        return k == n ? out : Arrays.copyOf(out, k);
    }

    /** The first macro of {@code source} that expands to more than {@code limit} tokens, or null. */
    static String overLimit(char[] source, long limit) {
        if (!mentionsDefine(source)) return null;
        MacroSizes s = new MacroSizes(bodies(source));
        for (String name : new java.util.TreeSet<>(s.bodies.keySet())) {
            if (s.size(name, limit, 0) > limit) return name;
        }
        return null;
    }

    private static boolean mentionsDefine(char[] s) {
        for (int i = 0; i < s.length; i++) if (s[i] == 'd' && CTokens.startsWith(s, i, "define")) return true;
        return false;
    }

    /** Tokens of {@code name}'s expansion, saturating just above {@code limit}. */
    private long size(String name, long limit, int depth) {
        Long known = sizes.get(name);
        if (known != null) return known;
        if (depth > 1000) return 1; // a chain that long is not a bomb worth estimating
        sizes.put(name, 1L); // a macro is not expanded inside itself
        long n = 0;
        for (String t : bodies.get(name)) {
            n += bodies.containsKey(t) ? size(t, limit, depth + 1) : 1;
            if (n > limit) break;
        }
        sizes.put(name, n);
        return n;
    }
}
