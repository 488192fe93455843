package io.lockcheck.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One loop-header macro of a file ({@code drm_for_each_crtc(crtc, dev) {...}}) seen at one or
 * more sites, and the loop it becomes. Like the real iterator it assigns its cursor arguments
 * every round, so a lock taken through the cursor is a different object each time: an argument
 * is a cursor when some site passes a local declared there without a value (or with NULL or 0)
 * and not assigned before the loop, and every site passes a plain name in that position.
 */
final class LoopMacro {
    private static final Set<String> NOT_TYPES = Set.of("return", "goto", "case", "else", "do", "sizeof", "break",
            "continue", "if", "while", "for", "switch");

    private final String name;
    private int minArity = Integer.MAX_VALUE;
    private final Set<Integer> cursors = new TreeSet<>();
    private final Set<Integer> notNames = new TreeSet<>();

    LoopMacro(String name) {
        this.name = name;
    }

    /** Records the site whose '(' is at {@code open} and ')' at {@code close}, in the body opened at {@code body}. */
    void site(List<CTokens.Token> toks, int body, int open, int close) {
        List<List<CTokens.Token>> args = arguments(toks, open, close);
        minArity = Math.min(minArity, args.size());
        for (int i = 0; i < args.size(); i++) {
            List<CTokens.Token> a = args.get(i);
            if (a.size() != 1 || a.get(0).kind() != CTokens.Kind.IDENT) notNames.add(i);
            else if (declaredWithoutValue(toks, body, open, a.get(0).text())) cursors.add(i);
        }
    }

    String define() {
        List<Integer> cs = cursors.stream().filter(c -> !notNames.contains(c) && c < minArity).toList();
        if (cs.isEmpty()) return "#define " + name + "(...) " + FileShapes.LOOP + "\n";
        int n = cs.get(cs.size() - 1) + 1;
        List<String> params = new ArrayList<>();
        for (int i = 0; i < n; i++) params.add("a" + i);
        String args = String.join(", ", params) + ", ##__VA_ARGS__";
        StringBuilder test = new StringBuilder();
        for (int c : cs) test.append("((a").append(c).append(") = __lockcheck_next(__lockcheck_it)), ");
        return "#define " + name + "(" + String.join(", ", params) + ", ...) for (long __lockcheck_it = __lockcheck_iter("
                + args + "); " + test + "__lockcheck_it; __lockcheck_it = __lockcheck_iter(" + args + "))\n";
    }

    /** The top-level, comma-separated arguments between {@code open} and {@code close}. */
    private static List<List<CTokens.Token>> arguments(List<CTokens.Token> toks, int open, int close) {
        List<List<CTokens.Token>> out = new ArrayList<>();
        if (close == open + 1) return out;
        List<CTokens.Token> cur = new ArrayList<>();
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            CTokens.Token t = toks.get(i);
            if (t.is("(") || t.is("[")) depth++;
            else if (t.is(")") || t.is("]")) depth--;
            if (depth == 0 && t.is(",")) {
                out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        out.add(cur);
        return out;
    }

    /**
     * Whether {@code var} is declared between {@code from} and {@code to} as {@code T var;},
     * {@code T *a, var;} or {@code T *var = NULL;}: a statement of type-like names and '*'
     * with no call in it.
     */
    static boolean declaredWithoutValue(List<CTokens.Token> toks, int from, int to, String var) {
        for (int i = from + 1; i < to - 1; i++) {
            CTokens.Token t = toks.get(i);
            if (t.kind() != CTokens.Kind.IDENT || !t.text().equals(var)) continue;
            CTokens.Token next = toks.get(i + 1);
            boolean bare = next.is(";") || next.is(",");
            boolean nulled = next.is("=") && i + 3 < to && (toks.get(i + 2).text().equals("NULL")
                    || toks.get(i + 2).text().equals("0")) && (toks.get(i + 3).is(";") || toks.get(i + 3).is(","));
            if ((bare || nulled) && declarationStatement(toks, i)) return !assignedBetween(toks, i + 1, to, var);
        }
        return false;
    }

    /** {@code var = ...} between {@code from} and {@code to}: a value of its own, not a cursor. */
    private static boolean assignedBetween(List<CTokens.Token> toks, int from, int to, String var) {
        for (int i = from; i < to - 2; i++) {
            if (toks.get(i).kind() == CTokens.Kind.IDENT && toks.get(i).text().equals(var) && toks.get(i + 1).is("=")
                    && !toks.get(i + 2).is("=") && !toks.get(i - 1).is(".") && !toks.get(i - 1).is(">")) {
                return true;
            }
        }
        return false;
    }

    private static boolean declarationStatement(List<CTokens.Token> toks, int at) {
        int s = at;
        while (s > 0 && !toks.get(s - 1).is(";") && !toks.get(s - 1).is("{") && !toks.get(s - 1).is("}")) s--;
        if (at - s < 1) return false;
        CTokens.Token first = toks.get(s);
        CTokens.Token second = toks.get(s + 1);
        if (first.kind() != CTokens.Kind.IDENT || NOT_TYPES.contains(first.text())) return false;
        if (second.kind() != CTokens.Kind.IDENT && !second.is("*")) return false;
        for (int i = s; i < at; i++) if (toks.get(i).is("(")) return false;
        return true;
    }
}
