package io.lockcheck.cfg;

import io.lockcheck.cfg.Event.Acquire;
import io.lockcheck.cfg.Event.Release;
import io.lockcheck.cfg.Event.Return;
import io.lockcheck.cfg.ExprLowering.Use;
import io.lockcheck.frontend.SourceText;
import io.lockcheck.lock.LockApi;
import io.lockcheck.lock.LockOp;
import io.lockcheck.lock.LockPath;
import org.eclipse.cdt.core.dom.ast.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a function's CFG from CDT statements: if/else, loops, switch, break/continue, return,
 * goto and labels (the kernel's unwind ladders), statement expressions, and short-circuit
 * conditions split into COND nodes. Scope-based guards are released on every scope exit.
 */
public final class CfgBuilder {
    private record Jump(Node target, int scopeDepth) {
    }

    private record Scope(IASTNode owner, List<Release> guards) {
    }

    private final SourceText source;
    private final Cfg cfg = new Cfg();
    private final ExprLowering expr;
    private final CondLowering conditions;
    private final FileLocations locations;
    private final Deque<Jump> breaks = new ArrayDeque<>();
    private final Deque<Jump> continues = new ArrayDeque<>();
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Deque<Node[]> switches = new ArrayDeque<>(); // {switch node, default seen?}
    private final Map<String, Node> labels = new HashMap<>();
    private final Map<String, IASTLabelStatement> labelStatements = new HashMap<>();
    private Node cur;
    private int lastLine;

    private CfgBuilder(SourceText source, Set<String> locals, List<String> params, IASTStatement body,
                       Map<Object, Object> shared) {
        this.source = source;
        this.locations = new FileLocations(body);
        this.expr = new ExprLowering(this, new Paths(locals, params, body, shared));
        this.conditions = new CondLowering(this, expr);
        body.accept(new ASTVisitor() {
            {
                shouldVisitStatements = true;
            }

            @Override
            public int visit(IASTStatement s) {
                if (s instanceof IASTLabelStatement l) labelStatements.put(l.getName().toString(), l);
                return PROCESS_CONTINUE;
            }
        });
    }

    /** The built CFG and the locals that name a path over the parameters' entry values. */
    public record Built(Cfg cfg, Map<String, Arg> entryAliases, Map<String, LockPath> aliases) {
    }

    /**
     * Lowers a function body; {@code closing} is the span of its closing brace. {@code shared}
     * holds the lock paths and call arguments of the file's functions so far, each once; the
     * CFG's events use them.
     */
    public static Built build(SourceText source, Set<String> locals, List<String> params, IASTStatement body,
                              Span closing, Map<Object, Object> shared) {
        CfgBuilder b = new CfgBuilder(source, locals, params, body, shared);
        Node entry = b.cfg.newNode(Node.Kind.ENTRY, closing.line(), "entry");
        b.cfg.newNode(Node.Kind.EXIT, closing.line(), "exit");
        b.cur = entry;
        b.statement(body);
        if (b.cur != null) {
            b.emit(new Return(ReturnKind.VOID, null, closing));
            b.cfg.addEdge(b.cur, b.cfg.exit(), Edge.Kind.NEXT);
        }
        b.cfg.seal();
        return new Built(b.cfg, Map.copyOf(b.expr.entryAliases()), Map.copyOf(b.expr.aliases()));
    }

    // ---- services for ExprLowering and CondLowering ----

    /** Where lowering continues; null after a jump (what follows is unreachable until a label). */
    Node current() {
        return cur;
    }

    void continueAt(Node n) {
        cur = n;
    }

    Cfg cfg() {
        return cfg;
    }

    void emit(Event e) {
        if (cur == null) cur = cfg.newNode(Node.Kind.STMT, e.span().line(), "unreachable");
        cur.add(e);
    }

    Span span(IASTNode n) {
        IASTFileLocation loc = locations.of(n);
        if (loc == null) return new Span(1, 1, 1, 1);
        int start = loc.getNodeOffset();
        int end = start + loc.getNodeLength();
        return source.span(start, end);
    }

    String text(IASTNode n) {
        IASTFileLocation loc = locations.of(n);
        if (loc == null) return Texts.bounded(n.getRawSignature());
        return Texts.bounded(Texts.collapseSpaces(source.text(loc.getNodeOffset(), loc.getNodeLength())));
    }

    void inline(IASTCompoundStatement s) {
        statement(s);
    }

    /** A guard(): acquires now (unless {@code acquire} is false) and releases at scope exit. */
    void guard(String cls, IASTFunctionCallExpression call, IASTInitializerClause[] args, boolean acquire) {
        LockApi.Row row = LockApi.guardClass(cls);
        if (row == null || scopes.isEmpty()) return;
        LockPath lock;
        String text;
        if (row.lockArg() < 0 || args.length == 0 || !(args[0] instanceof IASTExpression a)) {
            lock = LockPath.of(LockApi.RCU);
            text = LockApi.RCU;
        } else {
            text = Paths.lockText(text(a));
            LockPath p = pathOf(a);
            lock = p != null ? p : LockPath.of(text);
        }
        Span sp = span(call);
        // scoped_guard(mutex_try, ...) { } runs its body only when the try succeeded: held inside
        if (acquire) emit(new Acquire(lock, text, row.shared(), "guard(" + cls + ")", false, sp));
        scopes.peek().guards().add(new Release(lock, text, row.shared(), "end of guard(" + cls + ") scope", sp));
    }

    private LockPath pathOf(IASTExpression e) {
        return expr.pathOf(e);
    }

    // ---- statements ----

    private Node begin(IASTNode s, String label) {
        lastLine = span(s).line();
        Node n = cfg.newNode(Node.Kind.STMT, lastLine, label);
        link(cur, n);
        cur = n;
        return n;
    }

    Node fresh(IASTNode s, String label) {
        return cfg.newNode(Node.Kind.STMT, s == null ? lastLine : span(s).line(), label);
    }

    void link(Node from, Node to) {
        if (from != null) cfg.addEdge(from, to, Edge.Kind.NEXT);
    }

    private void statement(IASTStatement s) {
        if (s == null) return;
        if (s instanceof IASTCompoundStatement c) {
            scopes.push(new Scope(c, new ArrayList<>()));
            for (IASTStatement x : c.getStatements()) statement(x);
            Scope sc = scopes.pop();
            if (cur != null) releaseGuards(sc, closingBrace(c));
        } else if (s instanceof IASTExpressionStatement es) {
            begin(s, "expr");
            expr.lower(es.getExpression(), Use.VALUE, null);
        } else if (s instanceof IASTDeclarationStatement ds) {
            begin(s, "decl");
            declaration(ds.getDeclaration());
        } else if (s instanceof IASTIfStatement is) {
            ifStatement(is);
        } else if (s instanceof IASTWhileStatement ws) {
            Node head = begin(s, "while");
            Node body = fresh(ws.getBody(), "while-body");
            Node after = fresh(null, "while-end");
            conditions.lower(ws.getCondition(), body, after);
            loopBody(ws.getBody(), body, head, after);
            link(cur, head);
            cur = after;
        } else if (s instanceof IASTDoStatement ds) {
            Node body = begin(s, "do");
            Node test = fresh(ds.getCondition(), "do-while");
            Node after = fresh(null, "do-end");
            loopBody(ds.getBody(), body, test, after);
            link(cur, test);
            cur = test;
            conditions.lower(ds.getCondition(), body, after);
            cur = after;
        } else if (s instanceof IASTForStatement fs) {
            forStatement(fs);
        } else if (s instanceof IASTSwitchStatement ss) {
            switchStatement(ss);
        } else if (s instanceof IASTCaseStatement || s instanceof IASTDefaultStatement) {
            Node n = fresh(s, s instanceof IASTDefaultStatement ? "default" : "case");
            link(cur, n);
            if (!switches.isEmpty()) {
                link(switches.peek()[0], n);
                if (s instanceof IASTDefaultStatement) switches.peek()[1] = n;
            }
            cur = n;
        } else if (s instanceof IASTBreakStatement) {
            jump(breaks.peek(), s);
        } else if (s instanceof IASTContinueStatement) {
            jump(continues.peek(), s);
        } else if (s instanceof IASTReturnStatement rs) {
            returnStatement(rs);
        } else if (s instanceof IASTGotoStatement gs) {
            begin(s, "goto " + gs.getName());
            String name = gs.getName().toString();
            IASTLabelStatement target = labelStatements.get(name);
            for (Scope sc : scopes) {
                if (target != null && encloses(sc.owner(), target)) break;
                releaseGuards(sc, span(gs));
            }
            link(cur, label(name, gs));
            cur = null;
        } else if (s instanceof IASTLabelStatement ls) {
            Node n = label(ls.getName().toString(), ls);
            link(cur, n);
            cur = n;
            statement(ls.getNestedStatement());
        } else if (s instanceof IASTProblemStatement) {
            begin(s, "problem");
        }
        // null statements and anything else: no events
    }

    private static boolean encloses(IASTNode owner, IASTNode n) {
        for (IASTNode p = n; p != null; p = p.getParent()) if (p == owner) return true;
        return false;
    }

    private Node label(String name, IASTNode at) {
        return labels.computeIfAbsent(name, k -> {
            IASTLabelStatement ls = labelStatements.get(k);
            return fresh(ls != null ? ls : at, k + ":");
        });
    }

    private void declaration(IASTDeclaration d) {
        if (!(d instanceof IASTSimpleDeclaration sd)) return;
        for (IASTDeclarator dec : sd.getDeclarators()) {
            if (!(dec.getInitializer() instanceof IASTEqualsInitializer eq)) continue;
            IASTInitializerClause init = eq.getInitializerClause();
            String var = dec.getName().toString();
            if (init instanceof IASTExpression e) {
                boolean call = Paths.strip(e) instanceof IASTFunctionCallExpression;
                Integer c = ReturnKinds.constant(e);
                Event.Assign assign = new Event.Assign(var, expr.pathOf(e), c == null ? null : c != 0, span(dec));
                if (call) emit(assign);
                expr.lower(e, Use.VALUE, var);
                if (!call) emit(assign);
            } else {
                expr.lower(init, Use.VALUE);
            }
        }
    }

    private void ifStatement(IASTIfStatement is) {
        begin(is, "if");
        Node then = fresh(is.getThenClause(), "then");
        Node otherwise = fresh(is.getElseClause() != null ? is.getElseClause() : is, "else");
        Node after = fresh(null, "endif");
        conditions.lower(is.getConditionExpression(), then, otherwise);
        cur = then;
        statement(is.getThenClause());
        link(cur, after);
        cur = otherwise;
        statement(is.getElseClause());
        link(cur, after);
        cur = after;
    }

    private void loopBody(IASTStatement body, Node bodyNode, Node continueTo, Node breakTo) {
        breaks.push(new Jump(breakTo, scopes.size()));
        continues.push(new Jump(continueTo, scopes.size()));
        cur = bodyNode;
        statement(body);
        breaks.pop();
        continues.pop();
    }

    private void forStatement(IASTForStatement fs) {
        IASTStatement init = fs.getInitializerStatement();
        if (scopedGuard(init) != null) {
            scopedGuardBlock(fs, scopedGuard(init));
            return;
        }
        scopes.push(new Scope(fs, new ArrayList<>()));
        begin(fs, "for");
        if (init instanceof IASTExpressionStatement es) expr.lower(es.getExpression(), Use.VALUE, null);
        else if (init instanceof IASTDeclarationStatement ds) declaration(ds.getDeclaration());
        Node head = fresh(fs, "for-test");
        link(cur, head);
        Node body = fresh(fs.getBody(), "for-body");
        Node next = fresh(fs, "for-next");
        Node after = fresh(null, "for-end");
        cur = head;
        if (fs.getConditionExpression() == null) link(head, body);
        else conditions.lower(fs.getConditionExpression(), body, after);
        loopBody(fs.getBody(), body, next, after);
        link(cur, next);
        cur = next;
        expr.lower(fs.getIterationExpression(), Use.VALUE, null);
        link(cur, head);
        cur = after;
        scopes.pop();
    }

    /** The marker call of a scoped_guard()/scoped_cond_guard() for-loop, or null. */
    private static IASTFunctionCallExpression scopedGuard(IASTStatement init) {
        if (init instanceof IASTExpressionStatement es && es.getExpression() instanceof IASTFunctionCallExpression c
                && c.getFunctionNameExpression() instanceof IASTIdExpression id) {
            String n = id.getName().toString();
            if (n.startsWith("__lockcheck_scoped_guard_") || n.startsWith("__lockcheck_scoped_held_")) return c;
        }
        return null;
    }

    /** scoped_guard(): the body runs once; break, continue and falling off the end release. */
    private void scopedGuardBlock(IASTForStatement fs, IASTFunctionCallExpression marker) {
        Node after = fresh(null, "scoped-guard-end");
        breaks.push(new Jump(after, scopes.size()));
        continues.push(new Jump(after, scopes.size()));
        scopes.push(new Scope(fs, new ArrayList<>()));
        begin(fs, "scoped_guard");
        expr.lower(marker, Use.VALUE, null);
        statement(fs.getBody());
        Scope sc = scopes.pop();
        if (cur != null) releaseGuards(sc, closingBrace(fs.getBody()));
        breaks.pop();
        continues.pop();
        link(cur, after);
        cur = after;
    }

    private void switchStatement(IASTSwitchStatement ss) {
        begin(ss, "switch");
        expr.lower(ss.getControllerExpression(), Use.VALUE, null);
        Node sw = cur;
        Node after = fresh(null, "switch-end");
        switches.push(new Node[] {sw, null});
        breaks.push(new Jump(after, scopes.size()));
        cur = null;
        statement(ss.getBody());
        breaks.pop();
        Node[] ctx = switches.pop();
        link(cur, after);
        if (ctx[1] == null) link(sw, after);
        cur = after;
    }

    private void returnStatement(IASTReturnStatement rs) {
        begin(rs, "return");
        IASTInitializerClause v = rs.getReturnArgument();
        ReturnKind kind = ReturnKind.VOID;
        String var = null;
        if (v instanceof IASTExpression e) {
            IASTExpression s = Paths.strip(e);
            if (s instanceof IASTFunctionCallExpression && !ReturnKinds.isErrPtr(s)) {
                var = expr.newTemp();
                expr.lower(e, Use.VALUE, var);
                kind = ReturnKind.VAR;
            } else {
                expr.lower(e, Use.VALUE, null);
                kind = ReturnKinds.of(s);
                if (kind == ReturnKind.VAR) var = expr.localName(s);
                if (kind == ReturnKind.VAR && var == null) kind = ReturnKind.OTHER;
            }
        }
        for (Scope sc : scopes) releaseGuards(sc, span(rs));
        emit(new Return(kind, var, span(rs)));
        link(cur, cfg.exit());
        cur = null;
    }

    private void jump(Jump j, IASTStatement s) {
        begin(s, s instanceof IASTBreakStatement ? "break" : "continue");
        if (j == null) {
            cur = null;
            return;
        }
        int depth = scopes.size();
        for (Scope sc : scopes) {
            if (depth-- <= j.scopeDepth()) break;
            releaseGuards(sc, span(s));
        }
        link(cur, j.target());
        cur = null;
    }

    /** Emits the scope's guard releases, placed at {@code at}: where control leaves the scope. */
    private void releaseGuards(Scope sc, Span at) {
        List<Release> g = sc.guards();
        for (int i = g.size() - 1; i >= 0; i--) {
            Release r = g.get(i);
            emit(new Release(r.lock(), r.text(), r.shared(), r.api(), at));
        }
    }

    /** The span of a compound statement's closing brace. */
    private Span closingBrace(IASTNode n) {
        IASTFileLocation loc = locations.of(n);
        if (loc == null) return span(n);
        int end = loc.getNodeOffset() + loc.getNodeLength() - 1;
        return new Span(source.line(end), source.column(end), source.line(end + 1), source.column(end + 1));
    }
}
