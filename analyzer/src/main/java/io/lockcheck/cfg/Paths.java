package io.lockcheck.cfg;

import io.lockcheck.lock.LockPath;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTCompoundStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarationStatement;
import org.eclipse.cdt.core.dom.ast.IASTSimpleDeclaration;
import org.eclipse.cdt.core.dom.ast.IASTStatement;
import org.eclipse.cdt.core.dom.ast.IASTDeclarator;
import org.eclipse.cdt.core.dom.ast.IASTEqualsInitializer;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Canonical paths of expressions inside one function. A local assigned exactly once from a
 * path ({@code struct drm_gem_lru *lru = obj->lru;}) is an alias: its uses are rewritten to
 * the path, so {@code lru->lock} and {@code obj->lru->lock} name the same lock. Locals
 * assigned more than once (list cursors, retry loops) stay themselves.
 */
final class Paths {
    private record Alias(IASTExpression value) {
    }

    private final Set<String> locals;
    private final Map<String, Alias> aliases = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Map<String, LockPath> resolved = new HashMap<>();
    private final Map<String, Arg> entryAliases = new HashMap<>();
    /** The file's paths and call arguments, each once (see share()). */
    private final Map<Object, Object> shared;

    Paths(Set<String> locals, List<String> params, IASTNode body, Map<Object, Object> shared) {
        this.locals = locals;
        this.shared = shared;
        findAliases(body, params);
        findEntryAliases(body, params);
    }

    /**
     * Locals defined from a path in the declarations that open the body, before any statement
     * can change a parameter: {@code struct drm_device *dev = obj->dev;}. Their value is that
     * path over the parameters' entry values, which is how callers see a contract.
     */
    /** Every alias local and the path it names. */
    Map<String, LockPath> aliases() {
        Map<String, LockPath> out = new HashMap<>();
        for (String n : aliases.keySet()) {
            LockPath p = alias(n);
            if (p != null) out.put(n, p);
        }
        return out;
    }

    Map<String, Arg> entryAliases() {
        return entryAliases;
    }

    private void findEntryAliases(IASTNode body, List<String> params) {
        if (!(body instanceof IASTCompoundStatement c)) return;
        for (IASTStatement st : c.getStatements()) {
            if (!(st instanceof IASTDeclarationStatement ds)) return;
            if (!(ds.getDeclaration() instanceof IASTSimpleDeclaration sd)) continue;
            for (IASTDeclarator d : sd.getDeclarators()) {
                String n = d.getName().toString();
                if (aliases.containsKey(n) && alias(n) != null) {
                    entryAliases.put(n, new Arg(alias(n), false, n));
                } else if (d.getInitializer() instanceof IASTEqualsInitializer eq
                        && eq.getInitializerClause() instanceof IASTExpression v && isPathValue(v)
                        && writeCount.getOrDefault(n, 0) == 1 && onlyParamsOrGlobals(v, params)) {
                    LockPath p = path(v);
                    if (p != null) entryAliases.put(n, new Arg(p, false, n));
                }
            }
        }
    }

    private boolean onlyParamsOrGlobals(IASTExpression v, List<String> params) {
        boolean[] ok = {true};
        v.accept(new ASTVisitor() {
            {
                shouldVisitExpressions = true;
            }

            @Override
            public int visit(IASTExpression e) {
                if (e instanceof IASTIdExpression id) {
                    String n = id.getName().toString();
                    if (locals.contains(n) && !params.contains(n) && !aliases.containsKey(n)) ok[0] = false;
                }
                return PROCESS_CONTINUE;
            }
        });
        return ok[0];
    }

    boolean isLocal(String name) {
        return locals.contains(name);
    }

    /** Removes parentheses and casts, which change neither value nor identity. */
    static IASTExpression strip(IASTExpression e) {
        while (true) {
            if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_bracketedPrimary) {
                e = u.getOperand();
            } else if (e instanceof IASTCastExpression c) {
                e = c.getOperand();
            } else {
                return e;
            }
        }
    }

    /**
     * Also removes access markings (READ_ONCE(), data_race()), for naming only: the marked
     * load {@code lru = READ_ONCE(obj->lru)} still makes {@code lru} name obj->lru.
     */
    private static IASTExpression stripMarks(IASTExpression e) {
        while (true) {
            e = strip(e);
            if (e instanceof IASTFunctionCallExpression call && call.getArguments().length == 1
                    && call.getArguments()[0] instanceof IASTExpression arg
                    && call.getFunctionNameExpression() instanceof IASTIdExpression id
                    && (id.getName().toString().equals("__lockcheck_read_once")
                        || id.getName().toString().equals("__lockcheck_data_race"))) {
                e = arg;
            } else {
                return e;
            }
        }
    }

    /** The lock as people say it: without a leading '&' and outer parentheses. */
    static String lockText(String text) {
        String t = text.strip();
        while (t.startsWith("(") && t.endsWith(")")) t = t.substring(1, t.length() - 1).strip();
        return t.startsWith("&") ? t.substring(1).strip() : t;
    }

    /**
     * Canonical path of an lvalue or of the object an address points to; null if not a path.
     * Equal paths of one file are one object: a file names the same few paths over and over
     * (400 drm files: 230 k paths in events, 63 k distinct per file).
     */
    LockPath path(IASTExpression e) {
        LockPath p = pathOf(e);
        return p == null ? null : share(p);
    }

    /** {@code v}, or the equal value the file's lowering already made. */
    @SuppressWarnings("unchecked")
    <T> T share(T v) {
        return (T) shared.computeIfAbsent(v, k -> k);
    }

    private LockPath pathOf(IASTExpression e) {
        e = stripMarks(e);
        if (e instanceof IASTIdExpression id) {
            String n = id.getName().toString();
            LockPath a = alias(n);
            return a != null ? a : LockPath.of(n);
        }
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper) {
            return pathOf(u.getOperand());
        }
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_star) {
            LockPath p = pathOf(u.getOperand());
            return p == null ? null : p.index("0");
        }
        if (e instanceof IASTFieldReference fr) {
            String f = fr.getFieldName().toString();
            IASTExpression owner = strip(fr.getFieldOwner());
            if (fr.isPointerDereference() && owner instanceof IASTUnaryExpression u
                    && u.getOperator() == IASTUnaryExpression.op_amper) {
                LockPath p = pathOf(u.getOperand()); // (&a->b)->c is a->b.c
                return p == null ? null : p.dot(f);
            }
            LockPath p = pathOf(owner);
            if (p == null) return null;
            if (fr.isPointerDereference() && isAddressAlias(owner)) return p.dot(f);
            return fr.isPointerDereference() ? p.arrow(f) : p.dot(f);
        }
        if (e instanceof IASTArraySubscriptExpression a) {
            LockPath p = pathOf(a.getArrayExpression());
            return p == null ? null : p.index(indexText(a.getArgument()));
        }
        if (e instanceof IASTFunctionCallExpression c && strip(c.getFunctionNameExpression()) instanceof IASTIdExpression id
                && id.getName().toString().equals("__lockcheck_container_of") && c.getArguments().length == 2
                && c.getArguments()[0] instanceof IASTExpression ptr) {
            LockPath p = pathOf(ptr);
            return p == null ? null : LockPath.of("container_of(" + p + ")");
        }
        return null;
    }

    private static String indexText(IASTNode n) {
        return n == null ? "" : Texts.bounded(SPACES.matcher(n.getRawSignature()).replaceAll(""));
    }

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    /** True when {@code e} is a local alias of an address ({@code f = &priv->foo}). */
    boolean isAddressAlias(IASTExpression e) {
        if (!(e instanceof IASTIdExpression id)) return false;
        Alias a = aliases.get(id.getName().toString());
        if (a == null) return false;
        IASTExpression v = strip(a.value);
        return v instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper;
    }

    private LockPath alias(String name) {
        Alias a = aliases.get(name);
        if (a == null) return null;
        if (resolved.containsKey(name)) return resolved.get(name);
        if (!resolving.add(name)) return null; // x = x->next style cycles
        LockPath p = path(a.value);
        resolving.remove(name);
        resolved.put(name, p);
        return p;
    }

    private final Map<String, Integer> writeCount = new HashMap<>();

    private void findAliases(IASTNode body, List<String> params) {
        Map<String, Integer> writes = writeCount;
        for (String p : params) writes.put(p, 1); // a parameter starts with its caller's value
        Map<String, IASTExpression> value = new HashMap<>();
        Set<String> addressTaken = new HashSet<>();
        body.accept(new ASTVisitor() {
            {
                shouldVisitDeclarators = true;
                shouldVisitExpressions = true;
            }

            @Override
            public int visit(IASTDeclarator d) {
                String n = d.getName().toString();
                if (d.getInitializer() instanceof IASTEqualsInitializer eq
                        && eq.getInitializerClause() instanceof IASTExpression v) {
                    writes.merge(n, 1, Integer::sum);
                    value.put(n, v);
                }
                return PROCESS_CONTINUE;
            }

            @Override
            public int visit(IASTExpression e) {
                if (e instanceof IASTBinaryExpression b && b.getOperator() >= IASTBinaryExpression.op_assign
                        && b.getOperator() <= IASTBinaryExpression.op_binaryOrAssign
                        && strip(b.getOperand1()) instanceof IASTIdExpression id) {
                    String n = id.getName().toString();
                    writes.merge(n, 1, Integer::sum);
                    if (b.getOperand2() != null) value.put(n, b.getOperand2());
                } else if (e instanceof IASTUnaryExpression u && strip(u.getOperand()) instanceof IASTIdExpression id) {
                    int op = u.getOperator();
                    if (op == IASTUnaryExpression.op_amper) addressTaken.add(id.getName().toString());
                    if (op == IASTUnaryExpression.op_prefixIncr || op == IASTUnaryExpression.op_prefixDecr
                            || op == IASTUnaryExpression.op_postFixIncr || op == IASTUnaryExpression.op_postFixDecr) {
                        writes.merge(id.getName().toString(), 2, Integer::sum);
                    }
                }
                return PROCESS_CONTINUE;
            }
        });
        for (var w : writes.entrySet()) {
            String n = w.getKey();
            IASTExpression v = value.get(n);
            if (w.getValue() == 1 && v != null && locals.contains(n) && !addressTaken.contains(n) && isPathValue(v)
                    && stable(v, writes, addressTaken)) {
                aliases.put(n, new Alias(v));
            }
        }
    }

    /**
     * An alias holds only while its value cannot change under it: every variable in the value
     * is a global, a parameter never assigned, or a local assigned exactly once.
     * ({@code dev = obj->dev} is no alias when {@code obj} is later reassigned.)
     */
    private boolean stable(IASTExpression v, Map<String, Integer> writes, Set<String> addressTaken) {
        boolean[] ok = {true};
        v.accept(new ASTVisitor() {
            {
                shouldVisitExpressions = true;
            }

            @Override
            public int visit(IASTExpression e) {
                if (e instanceof IASTIdExpression id) {
                    String n = id.getName().toString();
                    int w = writes.getOrDefault(n, 0);
                    if (locals.contains(n) && (w > 1 || addressTaken.contains(n))) {
                        ok[0] = false;
                    }
                }
                return PROCESS_CONTINUE;
            }
        });
        return ok[0];
    }

    /** A value that is itself a path (a load or an address), not a call or arithmetic. */
    private static boolean isPathValue(IASTExpression v) {
        IASTExpression s = stripMarks(v);
        if (s instanceof IASTLiteralExpression) return false;
        if (s instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper) {
            return isPathValue(u.getOperand());
        }
        // container_of() results are not aliased: the local's declared type is worth more
        return s instanceof IASTIdExpression || s instanceof IASTFieldReference || s instanceof IASTArraySubscriptExpression;
    }
}
