package io.lockcheck.cfg;

import io.lockcheck.cfg.Event.Access;
import io.lockcheck.cfg.Event.Assign;
import io.lockcheck.cfg.Event.Call;
import io.lockcheck.lock.LockApi;
import io.lockcheck.lock.LockOp;
import io.lockcheck.lock.LockPath;
import org.eclipse.cdt.core.dom.ast.IASTArraySubscriptExpression;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTCastExpression;
import org.eclipse.cdt.core.dom.ast.IASTConditionalExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpressionList;
import org.eclipse.cdt.core.dom.ast.IASTFieldReference;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTInitializerList;
import org.eclipse.cdt.core.dom.ast.IASTTypeIdInitializerExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;
import org.eclipse.cdt.core.dom.ast.c.ICASTDesignatedInitializer;
import org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lowers expressions to events in evaluation order: field loads and stores, lock primitives
 * (via {@link LockApi}), calls, assignments to locals. Statement expressions are handed back
 * to the {@link CfgBuilder}, so control flow inside {@code ({ ... })} is real.
 */
final class ExprLowering {
    /** How the value of an expression is used. MEMBER: base of '.', no load of its own. */
    enum Use { VALUE, WRITE, UPDATE, ADDRESS, MEMBER }

    private static final String MARK = "__lockcheck_";

    private final CfgBuilder builder;
    private final Paths paths;
    private int marked;
    private int temps;
    /** The assignment whose left side is being lowered, for the Access it produces. */
    private Event.Store store;

    /** The lock events of primitives and of assertions; CondLowering's too. */
    final LockEvents locks;

    ExprLowering(CfgBuilder builder, Paths paths) {
        this.builder = builder;
        this.paths = paths;
        this.locks = new LockEvents(builder, paths);
    }

    Map<String, LockPath> aliases() {
        return paths.aliases();
    }

    Map<String, Arg> entryAliases() {
        return paths.entryAliases();
    }

    LockPath pathOf(IASTExpression e) {
        return paths.path(e);
    }

    String newTemp() {
        return "$" + (++temps);
    }

    /** Lowers {@code e} as a marked access (READ_ONCE and friends). */
    void lowerMarked(IASTExpression e, Use use) {
        marked++;
        lower(e, use, null);
        marked--;
    }

    void lower(IASTInitializerClause c, Use use) {
        if (c instanceof IASTExpression e) {
            lower(e, use, null);
        } else if (c instanceof IASTInitializerList list) {
            for (IASTInitializerClause x : list.getClauses()) lower(x, Use.VALUE);
        } else if (c instanceof ICASTDesignatedInitializer d) {
            lower(d.getOperand(), Use.VALUE);
        }
    }

    /** Lowers {@code e}; a call's result is bound to {@code resultVar} when non-null. */
    void lower(IASTExpression e, Use use, String resultVar) {
        if (e == null) return;
        if (e instanceof IASTFieldReference fr) {
            lower(fr.getFieldOwner(), fr.isPointerDereference() ? Use.VALUE : Use.MEMBER, null);
            access(e, use);
        } else if (e instanceof IASTIdExpression id) {
            String name = id.getName().toString();
            // kernel style: ALL_CAPS names are macros and enum constants, not variables
            if (!paths.isLocal(name) && !name.equals(name.toUpperCase(java.util.Locale.ROOT))) access(e, use);
        } else if (e instanceof IASTUnaryExpression u) {
            unary(u, use, resultVar);
        } else if (e instanceof IASTBinaryExpression b) {
            binary(b);
        } else if (e instanceof IASTFunctionCallExpression call) {
            call(call, resultVar);
        } else if (e instanceof IASTArraySubscriptExpression a) {
            lower(a.getArrayExpression(), Use.VALUE, null);
            lower(a.getArgument(), Use.VALUE);
            access(e, use);
        } else if (e instanceof IASTCastExpression c) {
            lower(c.getOperand(), use, resultVar);
        } else if (e instanceof IASTConditionalExpression c) {
            lower(c.getLogicalConditionExpression(), Use.VALUE, null);
            lower(c.getPositiveResultExpression(), use, null);
            lower(c.getNegativeResultExpression(), use, null);
        } else if (e instanceof IASTExpressionList list) {
            IASTExpression[] xs = list.getExpressions();
            for (int i = 0; i < xs.length; i++) lower(xs[i], i == xs.length - 1 ? use : Use.VALUE, null);
        } else if (e instanceof IGNUASTCompoundStatementExpression s) {
            builder.inline(s.getCompoundStatement());
        } else if (e instanceof IASTTypeIdInitializerExpression t) {
            if (t.getInitializer() instanceof IASTInitializerClause init) lower(init, Use.VALUE);
        }
        // literals, sizeof/typeof expressions, problems: nothing evaluated that matters
    }

    private void unary(IASTUnaryExpression u, Use use, String resultVar) {
        IASTExpression x = u.getOperand();
        switch (u.getOperator()) {
            case IASTUnaryExpression.op_amper -> lower(x, Use.ADDRESS, null);
            case IASTUnaryExpression.op_bracketedPrimary -> lower(x, use, resultVar);
            case IASTUnaryExpression.op_prefixIncr, IASTUnaryExpression.op_prefixDecr,
                 IASTUnaryExpression.op_postFixIncr, IASTUnaryExpression.op_postFixDecr -> {
                lower(x, Use.UPDATE, null);
                assignLocal(x, null);
            }
            case IASTUnaryExpression.op_sizeof, IASTUnaryExpression.op_alignOf, IASTUnaryExpression.op_typeof -> {
            }
            default -> lower(x, Use.VALUE, null);
        }
    }

    private void binary(IASTBinaryExpression b) {
        int op = b.getOperator();
        IASTExpression lhs = b.getOperand1();
        IASTInitializerClause rhsClause = b.getInitOperand2();
        IASTExpression rhs = rhsClause instanceof IASTExpression r ? r : null;
        if (op == IASTBinaryExpression.op_assign) {
            String local = localName(lhs);
            if (local != null && Paths.strip(rhs) instanceof IASTFunctionCallExpression) {
                // the call binds its result to the local: assign first so the fact it sets survives
                assignLocal(lhs, rhs);
                lower(rhs, Use.VALUE, local);
                return;
            }
            if (rhs != null) lower(rhs, Use.VALUE, local); else lower(rhsClause, Use.VALUE);
            store = rhs == null ? null : new Event.Store(builder.span(b), builder.text(rhs));
            lower(lhs, Use.WRITE, null);
            store = null;
            assignLocal(lhs, rhs);
        } else if (isCompoundAssign(op)) {
            lower(rhsClause, Use.VALUE);
            lower(lhs, Use.UPDATE, null);
            assignLocal(lhs, null);
        } else {
            lower(lhs, Use.VALUE, null);
            lower(rhsClause, Use.VALUE);
        }
    }

    private static boolean isCompoundAssign(int op) {
        return switch (op) {
            case IASTBinaryExpression.op_multiplyAssign, IASTBinaryExpression.op_divideAssign,
                 IASTBinaryExpression.op_moduloAssign, IASTBinaryExpression.op_plusAssign,
                 IASTBinaryExpression.op_minusAssign, IASTBinaryExpression.op_shiftLeftAssign,
                 IASTBinaryExpression.op_shiftRightAssign, IASTBinaryExpression.op_binaryAndAssign,
                 IASTBinaryExpression.op_binaryXorAssign, IASTBinaryExpression.op_binaryOrAssign -> true;
            default -> false;
        };
    }

    /** The local variable an lvalue names, or null. */
    String localName(IASTExpression e) {
        e = Paths.strip(e);
        if (e instanceof IASTIdExpression id) {
            String n = id.getName().toString();
            return paths.isLocal(n) ? n : null;
        }
        return null;
    }

    void assignLocal(IASTExpression lhs, IASTExpression rhs) {
        String var = localName(lhs);
        if (var != null) {
            Integer c = rhs == null ? null : ReturnKinds.constant(rhs);
            builder.emit(new Assign(var, rhs == null ? null : paths.path(rhs), c == null ? null : c != 0, builder.span(lhs)));
        }
    }

    private void access(IASTExpression e, Use use) {
        AccessKind kind = switch (use) {
            case VALUE -> AccessKind.READ;
            case WRITE -> AccessKind.WRITE;
            case UPDATE -> AccessKind.UPDATE;
            default -> null;
        };
        if (kind == null) return;
        LockPath p = paths.path(e);
        if (p != null) {
            Event.Store st = null;
            if (kind == AccessKind.WRITE) { // the owner's loads come first and must not take it
                st = store;
                store = null;
            }
            builder.emit(new Access(p, builder.text(e), kind, marked > 0, builder.span(e), st));
        }
    }

    private void call(IASTFunctionCallExpression call, String resultVar) {
        IASTExpression fn = Paths.strip(call.getFunctionNameExpression());
        String name = fn instanceof IASTIdExpression id ? id.getName().toString() : null;
        IASTInitializerClause[] args = call.getArguments();
        if (name == null) {
            lower(fn, Use.VALUE, null);
        } else if (name.startsWith(MARK)) {
            marker(call, name.substring(MARK.length()), args, resultVar);
            return;
        }
        if (name != null && MarkedAccess.lower(this, name, args)) return;
        LockApi.Row row = LockApi.lookup(name);
        if (row != null && row.op() != LockOp.IS_LOCKED) {
            for (IASTInitializerClause a : args) lower(a, Use.VALUE);
            locks.emit(row, row.op(), call, args, resultVar);
            return;
        }
        if (name != null && LockEvents.WARN_MACROS.contains(name)) {
            locks.assertFromWarn(args);
        }
        for (IASTInitializerClause a : args) lower(a, Use.VALUE);
        List<Arg> lowered = new ArrayList<>();
        for (IASTInitializerClause a : args) lowered.add(arg(a));
        builder.emit(new Call(name, lowered, resultVar, builder.span(call)));
    }

    private Arg arg(IASTInitializerClause a) {
        if (!(a instanceof IASTExpression e)) return new Arg(null, false, "");
        IASTExpression s = Paths.strip(e);
        boolean address = s instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper
                || paths.isAddressAlias(s); // gmu = &a6xx_gpu->gmu passes an address too
        return paths.share(new Arg(paths.path(e), address, builder.text(e)));
    }

    private void marker(IASTFunctionCallExpression call, String what, IASTInitializerClause[] args, String resultVar) {
        if (what.equals("read_once") || what.equals("data_race")) {
            marked++;
            for (IASTInitializerClause a : args) lower(a, Use.VALUE);
            marked--;
        } else if (what.equals("write_once") && args.length == 2 && args[0] instanceof IASTExpression target) {
            lower(args[1], Use.VALUE);
            marked++;
            lower(target, Use.WRITE, null);
            marked--;
        } else if (what.startsWith("guard_") || what.startsWith("scoped_guard_")) {
            for (IASTInitializerClause a : args) lower(a, Use.VALUE);
            builder.guard(what.substring(what.indexOf("guard_") + 6), call, args, true);
        } else if (what.startsWith("scoped_held_")) {
            builder.guard(what.substring("scoped_held_".length()), call, args, false);
        } else if (what.startsWith("cond_guard_")) {
            // scoped_cond_guard(): the marker returns nonzero when the lock was taken
            for (IASTInitializerClause a : args) lower(a, Use.VALUE);
            LockApi.Row row = LockApi.guardClass(what.substring("cond_guard_".length()));
            if (row != null) locks.emit(row, LockOp.TRY, call, args, resultVar);
        } else if (what.startsWith("list_first_or_null") && args.length > 0 && args[0] instanceof IASTExpression head) {
            // list_first_entry_or_null(&lru->list, ...) loads lru->list.next
            IASTExpression h = Paths.strip(head);
            if (h instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper) {
                lower(u.getOperand(), Use.VALUE, null);
            } else {
                lower(head, Use.VALUE, null);
            }
        } else if (what.startsWith("assert_exclusive_")) {
            // ASSERT_EXCLUSIVE_WRITER/ACCESS(): a KCSAN assertion about the variable, not an access
        } else {
            for (IASTInitializerClause a : args) lower(a, Use.VALUE);
        }
    }
}
