package io.lockcheck.frontend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Macro shapes derived from how one file uses macros that fast mode cannot see (their headers
 * are not read). Two uses are unambiguous in C and common in the kernel:
 * <ul>
 * <li>a call-like macro at statement start followed by a statement ({@code drm_for_each_crtc(crtc,
 * dev) {...}}, {@code with_intel_runtime_pm(rpm, wf) x();}) is a loop header: a call cannot be
 * followed by a statement. It becomes a loop that evaluates its arguments and may run its body
 * any number of times;</li>
 * <li>a name standing next to a string literal ({@code "mode " DRM_MODE_FMT "\n"}) is a string
 * macro: in C only literals concatenate.</li>
 * </ul>
 * Names the file or the prelude defines are left alone.
 */
public final class FileShapes {
    /** The macro file path the shapes are served under. */
    public static final String PATH = "/lockcheck/file-shapes.h";

    /**
     * The loop a statement-prefix macro becomes: its own counter local, so the test is not
     * taken for a repeatable side-effect-free condition, and it is re-evaluated every round.
     */
    static final String LOOP = "for (long __lockcheck_it = __lockcheck_iter(__VA_ARGS__); __lockcheck_it; "
            + "__lockcheck_it = __lockcheck_iter(__VA_ARGS__))";

    private static final Set<String> KEYWORDS = Set.of("if", "else", "for", "while", "do", "switch", "case", "default",
            "return", "goto", "break", "continue", "sizeof", "typeof", "__typeof__", "__typeof", "_Alignof",
            "__alignof__", "__attribute__", "__attribute", "asm", "__asm__", "__asm", "volatile", "__volatile__",
            "_Static_assert", "static_assert", "_Generic", "__builtin_offsetof", "__builtin_types_compatible_p",
            "__builtin_choose_expr", "__builtin_va_arg", "struct", "union", "enum", "const", "static", "extern",
            "inline", "register", "auto", "typedef", "unsigned", "signed", "int", "long", "short", "char", "void",
            "float", "double", "_Bool", "bool", "restrict", "__restrict", "__extension__");
    private static final Set<String> STATEMENT_BEFORE = Set.of(";", "{", "}", ")", "else", "do", ":");
    private static final Pattern PRELUDE_DEFINE = Pattern.compile("(?m)^\\s*#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Set<String> PRELUDE_NAMES = definedIn(new String(Prelude.text()));

    private FileShapes() {
    }

    /** The shapes for {@code text} as macro definitions (empty when none are needed). */
    public static String of(char[] text) {
        List<CTokens.Token> toks = CTokens.of(text);
        Set<String> defined = null; // scanned for at the first name placed like a macro
        Map<String, LoopMacro> loops = new TreeMap<>();
        Set<String> strings = new TreeSet<>();
        int depth = 0;
        boolean body = false; // the outermost open brace is a function body, not an initializer or a type
        int bodyStart = 0;
        for (int i = 0; i < toks.size(); i++) {
            CTokens.Token t = toks.get(i);
            if (t.is("{")) {
                if (depth++ == 0) {
                    body = i > 0 && toks.get(i - 1).is(")");
                    bodyStart = i;
                }
            } else if (t.is("}")) {
                depth = Math.max(0, depth - 1);
            }
            if (t.kind() != CTokens.Kind.IDENT) continue;
            // the neighbours first: the name lookups are for the few names placed like a macro
            boolean call = i + 1 < toks.size() && toks.get(i + 1).is("(");
            boolean loop = call && depth > 0 && body && (i == 0 || STATEMENT_BEFORE.contains(toks.get(i - 1).text()));
            boolean string = !call && (i > 0 && toks.get(i - 1).kind() == CTokens.Kind.STRING
                    || i + 1 < toks.size() && toks.get(i + 1).kind() == CTokens.Kind.STRING);
            if (!loop && !string || KEYWORDS.contains(t.text()) || PRELUDE_NAMES.contains(t.text())) continue;
            if (defined == null) defined = CTokens.definedMacros(text);
            if (defined.contains(t.text())) continue;
            if (loop) {
                int close = CTokens.matching(toks, i + 1);
                if (close > 0 && close + 1 < toks.size() && startsStatement(toks.get(close + 1))) {
                    loops.computeIfAbsent(t.text(), LoopMacro::new).site(toks, bodyStart, i + 1, close);
                }
            } else {
                strings.add(t.text());
            }
        }
        StringBuilder b = new StringBuilder();
        for (LoopMacro m : loops.values()) b.append(m.define());
        for (String n : strings) b.append("#define ").append(n).append(" \"\"\n");
        return b.toString();
    }

    /** A token that can only begin a statement here: a block, or a name (a call, a keyword, an assignment). */
    private static boolean startsStatement(CTokens.Token t) {
        return t.is("{") || t.kind() == CTokens.Kind.IDENT && !t.text().equals("__attribute__");
    }

    static Set<String> definedIn(String text) {
        Set<String> out = new java.util.HashSet<>();
        Matcher m = PRELUDE_DEFINE.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
