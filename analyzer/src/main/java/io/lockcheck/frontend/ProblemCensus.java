package io.lockcheck.frontend;

import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTProblemDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTProblemExpression;
import org.eclipse.cdt.core.dom.ast.IASTProblemHolder;
import org.eclipse.cdt.core.dom.ast.IASTProblemStatement;
import org.eclipse.cdt.core.dom.ast.IASTProblemTypeId;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why function bodies fail to parse: for one parsed file, every problem node in a function body
 * of the file (and every problem declaration at file scope, which can swallow whole functions),
 * each keyed by the first identifier of its source text, which in the kernel is nearly always the
 * macro the parser did not understand. Summed over a tree by {@code lockcheck parse-problems}.
 */
public final class ProblemCensus {
    /** Where the problem is: inside a function body, or a declaration at file scope. */
    public enum Scope { BODY, FILE }

    /**
     * One problem node: its key, its scope, a one-line excerpt with file:line, and the offset of
     * the function it is in (-1 at file scope).
     */
    public record Problem(String key, Scope scope, String excerpt, String where, int function) {
    }

    /** The problems of one file; {@code functions} bodies parsed, {@code badFunctions} with a problem. */
    public record FileCensus(int functions, int badFunctions, List<Problem> problems) {
    }

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> C_WORDS = Set.of("struct", "union", "enum", "const", "static", "unsigned",
            "signed", "int", "long", "char", "void", "short", "volatile", "return", "if", "else", "for", "while",
            "do", "switch", "case", "default", "goto", "break", "continue", "sizeof", "extern", "inline", "bool",
            "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64", "size_t");

    private static final Set<String> CONTROL = Set.of("if", "for", "while", "switch", "return", "sizeof");

    private ProblemCensus() {
    }

    public static FileCensus of(IASTTranslationUnit tu, SourceText source) {
        String file = tu.getFilePath();
        char[] text = source.chars();
        List<Problem> out = new ArrayList<>();
        int functions = 0, bad = 0;
        for (IASTDeclaration d : tu.getDeclarations()) {
            IASTFileLocation loc = d.getFileLocation();
            if (loc == null || !file.equals(loc.getFileName())) continue;
            if (d instanceof IASTFunctionDefinition fd) {
                functions++;
                List<Problem> mine = new ArrayList<>();
                collect(fd.getBody(), Scope.BODY, file, text, mine);
                int at = loc.getNodeOffset();
                mine.forEach(p -> out.add(new Problem(p.key(), p.scope(), p.excerpt(), p.where(), at)));
                if (!mine.isEmpty()) bad++;
            } else if (d instanceof IASTProblemDeclaration) {
                out.add(problem(d, Scope.FILE, file, text));
            }
        }
        return new FileCensus(functions, bad, out);
    }

    private static void collect(IASTNode body, Scope scope, String file, char[] text, List<Problem> out) {
        Set<IASTNode> seen = new LinkedHashSet<>();
        body.accept(new ASTVisitor() {
            {
                shouldVisitProblems = true;
                shouldVisitStatements = true;
                shouldVisitExpressions = true;
                shouldVisitDeclarations = true;
                shouldVisitTypeIds = true;
            }

            @Override
            public int visit(IASTProblem p) {
                IASTNode holder = p.getParent() instanceof IASTProblemHolder ? p.getParent() : p;
                if (seen.add(holder)) out.add(problem(holder, scope, file, text));
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(org.eclipse.cdt.core.dom.ast.IASTStatement s) {
                if (s instanceof IASTProblemStatement && seen.add(s)) out.add(problem(s, scope, file, text));
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(org.eclipse.cdt.core.dom.ast.IASTExpression e) {
                if (e instanceof IASTProblemExpression && seen.add(e)) out.add(problem(e, scope, file, text));
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(IASTDeclaration d) {
                if (d instanceof IASTProblemDeclaration && seen.add(d)) out.add(problem(d, scope, file, text));
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(org.eclipse.cdt.core.dom.ast.IASTTypeId t) {
                if (t instanceof IASTProblemTypeId && seen.add(t)) out.add(problem(t, scope, file, text));
                return PROCESS_CONTINUE;
            }
        });
    }

    /**
     * A problem node often covers only the token where parsing failed (the ")" of
     * {@code for_each_x(a, b) {}}), so its text is taken from the end of the statement before it.
     */
    private static Problem problem(IASTNode n, Scope scope, String file, char[] source) {
        IASTFileLocation loc = n.getFileLocation();
        String text = n.getRawSignature();
        if (loc != null && file.equals(loc.getFileName())) {
            int end = Math.min(source.length, loc.getNodeOffset() + loc.getNodeLength());
            int start = statementStart(source, loc.getNodeOffset());
            text = new String(source, start, end - start);
        }
        text = text.replaceAll("\\s+", " ").strip();
        String where = loc == null ? "?" : loc.getFileName() + ":" + loc.getStartingLineNumber();
        return new Problem(key(text), scope, text.length() > 100 ? text.substring(0, 100) + "..." : text, where, -1);
    }

    /** Back from {@code at} to just after the previous ';', '{' or '}' (or 400 characters). */
    private static int statementStart(char[] s, int at) {
        int i = Math.min(at, s.length);
        int limit = Math.max(0, at - 400);
        while (i > limit && ";{}".indexOf(s[i - 1]) < 0) i--;
        return i;
    }

    /**
     * The first identifier used like a call (followed by '(') that is not a C keyword: in
     * kernel code the macro that was not understood; else the first identifier; else the first
     * character.
     */
    static String key(String text) {
        Matcher m = IDENT.matcher(text);
        String first = null;
        while (m.find()) {
            if (C_WORDS.contains(m.group()) || CONTROL.contains(m.group())) continue;
            if (first == null) first = m.group();
            int after = m.end();
            while (after < text.length() && text.charAt(after) == ' ') after++;
            if (after < text.length() && text.charAt(after) == '(') return m.group();
        }
        if (first != null) return first;
        return text.isEmpty() ? "(empty)" : text.substring(0, 1);
    }
}
