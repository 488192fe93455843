package io.lockcheck.frontend;

import io.lockcheck.cfg.CfgBuilder;
import io.lockcheck.cfg.FunctionUnit;
import io.lockcheck.cfg.FunctionUnit.Annotation;
import io.lockcheck.cfg.Span;
import io.lockcheck.lock.LockPath;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTAttribute;
import org.eclipse.cdt.core.dom.ast.IASTAttributeOwner;
import org.eclipse.cdt.core.dom.ast.IASTAttributeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTElaboratedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTFunctionDefinition;
import org.eclipse.cdt.core.dom.ast.IASTNamedTypeSpecifier;
import org.eclipse.cdt.core.dom.ast.IASTParameterDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTProblem;
import org.eclipse.cdt.core.dom.ast.IASTProblemExpression;
import org.eclipse.cdt.core.dom.ast.IASTProblemStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStandardFunctionDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTToken;
import org.eclipse.cdt.core.dom.ast.IASTTokenList;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTTypeId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a parsed translation unit into {@link FunctionUnit}s; the AST is not kept. */
public final class Lowering {
    private final SourceText source;
    /** The lock paths and call arguments of the file's CFGs, each once. */
    private final Map<Object, Object> shared = new HashMap<>();

    public Lowering(SourceText source) {
        this.source = source;
    }

    /** Struct definitions anywhere in the unit (this file and, in precise mode, its headers). */
    public List<io.lockcheck.guard.StructDef> structs(IASTTranslationUnit tu) {
        List<io.lockcheck.guard.StructDef> out = new ArrayList<>();
        tu.accept(new ASTVisitor() {
            {
                shouldVisitDeclSpecifiers = true;
            }

            @Override
            public int visit(IASTDeclSpecifier spec) {
                if (spec instanceof org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier c
                        && c.getKey() == org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier.k_struct) {
                    String name = c.getName().toString();
                    if (name.isEmpty() && c.getParent() instanceof IASTSimpleDeclaration sd
                            && sd.getDeclSpecifier().getStorageClass() == IASTDeclSpecifier.sc_typedef
                            && sd.getDeclarators().length > 0) {
                        name = innermost(sd.getDeclarators()[0]).getName().toString(); // typedef struct { } name_t;
                    }
                    if (!name.isEmpty()) out.add(structDef(name, c));
                }
                return PROCESS_CONTINUE;
            }
        });
        return out;
    }

    private io.lockcheck.guard.StructDef structDef(String name, org.eclipse.cdt.core.dom.ast.IASTCompositeTypeSpecifier c) {
        Map<String, io.lockcheck.guard.StructDef.Field> fields = new LinkedHashMap<>();
        for (IASTDeclaration m : c.getMembers()) {
            if (!(m instanceof IASTSimpleDeclaration sd)) continue;
            for (IASTDeclarator d : sd.getDeclarators()) {
                String fname = innermost(d).getName().toString();
                if (fname.isEmpty()) continue;
                List<Annotation> anns = new ArrayList<>();
                collect(sd.getDeclSpecifier(), anns);
                for (IASTDeclarator x = d; x != null; x = x.getNestedDeclarator()) collect(x, anns);
                int line = d.getFileLocation() == null ? 0 : d.getFileLocation().getStartingLineNumber();
                List<io.lockcheck.guard.StructDef.FieldAnnotation> fa = anns.stream()
                        .map(a -> new io.lockcheck.guard.StructDef.FieldAnnotation(a.kind(), a.text(), line)).toList();
                fields.put(fname, new io.lockcheck.guard.StructDef.Field(typeText(sd.getDeclSpecifier(), d), fa));
            }
        }
        String origin = c.getFileLocation() == null ? "" : c.getFileLocation().getFileName();
        return new io.lockcheck.guard.StructDef(name, fields, origin);
    }

    public List<FunctionUnit> functions(IASTTranslationUnit tu) {
        List<FunctionUnit> out = new ArrayList<>();
        String file = tu.getFilePath();
        for (IASTDeclaration d : tu.getDeclarations()) {
            if (d instanceof IASTFunctionDefinition fd && inThisFile(fd, file)) {
                out.add(function(fd));
            }
        }
        return out;
    }

    private static boolean inThisFile(IASTFunctionDefinition fd, String file) {
        IASTFileLocation loc = fd.getFileLocation();
        return loc != null && file.equals(loc.getFileName());
    }

    public FunctionUnit function(IASTFunctionDefinition fd) {
        IASTFunctionDeclarator decl = fd.getDeclarator();
        String name = innermost(decl).getName().toString();
        boolean isStatic = fd.getDeclSpecifier().getStorageClass() == IASTDeclSpecifier.sc_static;
        List<String> params = new ArrayList<>();
        Map<String, String> types = new LinkedHashMap<>();
        if (decl instanceof IASTStandardFunctionDeclarator sfd) {
            for (IASTParameterDeclaration p : sfd.getParameters()) {
                String pn = innermost(p.getDeclarator()).getName().toString();
                if (pn.isEmpty()) continue; // (void)
                params.add(pn);
                types.put(pn, typeText(p.getDeclSpecifier(), p.getDeclarator()));
            }
        }
        Set<String> locals = new HashSet<>(params);
        boolean[] problems = {false};
        fd.getBody().accept(new ASTVisitor() {
            {
                shouldVisitDeclarations = true;
                shouldVisitProblems = true;
                shouldVisitStatements = true;
                shouldVisitExpressions = true;
            }

            @Override
            public int visit(IASTDeclaration d) {
                if (d instanceof IASTSimpleDeclaration sd) {
                    for (IASTDeclarator dd : sd.getDeclarators()) {
                        String n = innermost(dd).getName().toString();
                        if (!(dd instanceof IASTFunctionDeclarator) && !n.isEmpty()) {
                            locals.add(n);
                            types.putIfAbsent(n, typeText(sd.getDeclSpecifier(), dd));
                        }
                    }
                }
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(IASTProblem p) {
                problems[0] = true;
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(IASTStatement s) {
                if (s instanceof IASTProblemStatement) problems[0] = true;
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(IASTExpression e) {
                if (e instanceof IASTProblemExpression) problems[0] = true;
                return PROCESS_CONTINUE;
            }
        });
        Span span = span(fd.getFileLocation().getNodeOffset(), fd.getFileLocation().getNodeOffset());
        IASTFileLocation bl = fd.getBody().getFileLocation();
        int closeOff = bl.getNodeOffset() + bl.getNodeLength() - 1;
        Span closing = span(closeOff, closeOff + 1);
        Span nameSpan = spanOf(innermost(decl).getName().getFileLocation(), span);
        CfgBuilder.Built built = CfgBuilder.build(source, locals, params, fd.getBody(), closing, shared);
        // an alias local lends its declared type to the path it names:
        // struct msm_drm_private *priv = obj->dev->dev_private; types obj->dev->dev_private.
        // Locals of different types naming one path pun a buffer (firedtv: a command and a
        // response frame over fdtv->avc_data): the path then has no one type. (Taking the first
        // in the aliases' order made the type, and the findings, differ from run to run.)
        Map<String, java.util.Set<String>> lent = new java.util.TreeMap<>();
        built.aliases().forEach((var, path) -> {
            String t = types.get(var);
            if (t != null) lent.computeIfAbsent(path.toString(), k -> new java.util.TreeSet<>()).add(t);
        });
        lent.forEach((path, ts) -> {
            if (ts.size() == 1) types.putIfAbsent(path, ts.iterator().next());
        });
        return new FunctionUnit(name, source.path(), isStatic, params, types, locals, annotations(fd), built.cfg(),
                built.entryAliases(), nameSpan, closing, problems[0]);
    }

    private Span spanOf(IASTFileLocation loc, Span fallback) {
        if (loc == null) return fallback;
        return span(loc.getNodeOffset(), loc.getNodeOffset() + loc.getNodeLength());
    }

    private Span span(int start, int end) {
        return source.span(start, end);
    }

    private static IASTDeclarator innermost(IASTDeclarator d) {
        while (d.getNestedDeclarator() != null) d = d.getNestedDeclarator();
        return d;
    }

    /** "struct drm_gem_lru *" style type text: the base type and one '*' per pointer level. */
    static String typeText(IASTDeclSpecifier spec, IASTDeclarator d) {
        String base;
        if (spec instanceof IASTElaboratedTypeSpecifier e) {
            base = (e.getKind() == IASTElaboratedTypeSpecifier.k_union ? "union " : "struct ") + e.getName();
        } else if (spec instanceof IASTNamedTypeSpecifier n) {
            base = n.getName().toString();
        } else {
            base = STORAGE.matcher(spec.getRawSignature()).replaceAll("").strip();
        }
        int stars = 0;
        for (IASTDeclarator x = d; x != null; x = x.getNestedDeclarator()) stars += x.getPointerOperators().length;
        return stars == 0 ? base : base + " " + "*".repeat(stars);
    }

    /** Lock annotations from the prelude's __attribute__((lockcheck_*(...))) forms. */
    private static List<Annotation> annotations(IASTFunctionDefinition fd) {
        List<Annotation> out = new ArrayList<>();
        collect(fd.getDeclSpecifier(), out);
        for (IASTDeclarator d = fd.getDeclarator(); d != null; d = d.getNestedDeclarator()) collect(d, out);
        return out;
    }

    static void collect(IASTAttributeOwner owner, List<Annotation> out) {
        for (IASTAttributeSpecifier spec : owner.getAttributeSpecifiers()) {
            for (IASTAttribute a : spec.getAttributes()) {
                String n = String.valueOf(a.getName());
                if (!n.startsWith("lockcheck_")) continue;
                String kind = n.substring("lockcheck_".length());
                for (String arg : splitArgs(tokens(a.getArgumentClause()))) {
                    LockPath p = LockPath.parse(arg);
                    out.add(new Annotation(kind, p, arg));
                }
                if (a.getArgumentClause() == null) out.add(new Annotation(kind, null, ""));
            }
        }
    }

    private static String tokens(IASTToken t) {
        if (t == null) return "";
        if (t instanceof IASTTokenList list) {
            StringBuilder b = new StringBuilder();
            for (IASTToken x : list.getTokens()) b.append(tokens(x));
            return b.toString();
        }
        return String.valueOf(t.getTokenCharImage());
    }

    private static List<String> splitArgs(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (start < s.length()) out.add(s.substring(start));
        return out;
    }

    private static final java.util.regex.Pattern STORAGE =
            java.util.regex.Pattern.compile("\\b(const|volatile|static|extern|register|inline)\\b");
}
