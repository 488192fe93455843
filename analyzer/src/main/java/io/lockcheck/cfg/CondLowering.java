package io.lockcheck.cfg;

import io.lockcheck.cfg.ExprLowering.Use;
import org.eclipse.cdt.core.dom.ast.ASTVisitor;
import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/**
 * Lowers a branch condition for {@link CfgBuilder}: {@code &&}, {@code ||} and {@code !} split
 * into COND nodes, comparisons with zero reduced to the value tested, WARN_ON() and IS_ERR()
 * seen through, constant tests turned into plain edges.
 */
final class CondLowering {
    private final CfgBuilder builder;
    private final ExprLowering expr;

    CondLowering(CfgBuilder builder, ExprLowering expr) {
        this.builder = builder;
        this.expr = expr;
    }

    /** IS_ERR(p) and IS_ERR_OR_NULL(p) on a local: true when p is a failure, like !p. */
    private boolean isErrTest(IASTFunctionCallExpression call) {
        return Paths.strip(call.getFunctionNameExpression()) instanceof IASTIdExpression id
                && (id.getName().toString().equals("IS_ERR") || id.getName().toString().equals("IS_ERR_OR_NULL"))
                && call.getArguments().length == 1 && call.getArguments()[0] instanceof IASTExpression x
                && expr.localName(x) != null;
    }

    private static boolean sideEffectFree(IASTExpression e) {
        boolean[] pure = {true};
        e.accept(new ASTVisitor() {
            {
                shouldVisitExpressions = true;
            }

            @Override
            public int visit(IASTExpression x) {
                if (x instanceof IASTBinaryExpression bin && bin.getOperator() >= IASTBinaryExpression.op_assign
                        && bin.getOperator() <= IASTBinaryExpression.op_binaryOrAssign
                        || x instanceof IASTUnaryExpression u && (u.getOperator() == IASTUnaryExpression.op_prefixIncr
                        || u.getOperator() == IASTUnaryExpression.op_prefixDecr
                        || u.getOperator() == IASTUnaryExpression.op_postFixIncr
                        || u.getOperator() == IASTUnaryExpression.op_postFixDecr)
                        || x instanceof org.eclipse.cdt.core.dom.ast.gnu.IGNUASTCompoundStatementExpression) {
                    pure[0] = false;
                    return PROCESS_ABORT;
                }
                return PROCESS_CONTINUE;
            }
        });
        return pure[0];
    }

    /** Lowers a branch condition, splitting &&, || and ! into COND nodes. */
    void lower(IASTExpression c, Node t, Node f) {
        IASTExpression e = Paths.strip(c);
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_not) {
            lower(u.getOperand(), f, t);
            return;
        }
        if (e instanceof IASTBinaryExpression b) {
            int op = b.getOperator();
            if (op == IASTBinaryExpression.op_logicalAnd || op == IASTBinaryExpression.op_logicalOr) {
                Node mid = builder.fresh(b.getOperand2(), op == IASTBinaryExpression.op_logicalAnd ? "&&" : "||");
                if (op == IASTBinaryExpression.op_logicalAnd) lower(b.getOperand1(), mid, f);
                else lower(b.getOperand1(), t, mid);
                builder.continueAt(mid);
                lower(b.getOperand2(), t, f);
                return;
            }
            IASTExpression other = ReturnKinds.comparedWithZero(b);
            if (other != null) {
                boolean trueMeansZero = op == IASTBinaryExpression.op_equals || op == IASTBinaryExpression.op_greaterEqual;
                lower(other, trueMeansZero ? f : t, trueMeansZero ? t : f);
                return;
            }
        }
        if (e instanceof IASTFunctionCallExpression call && LockEvents.warnCondition(call) != null) {
            expr.locks.assertFromWarn(call.getArguments()); // WARN_ON(!mutex_is_locked(&l)) still asserts
            lower(LockEvents.warnCondition(call), t, f);
            return;
        }
        if (e instanceof IASTFunctionCallExpression call && isErrTest(call)) {
            lower(call.getArguments()[0] instanceof IASTExpression x ? x : null, f, t); // IS_ERR(p): p failed
            return;
        }
        Integer constant = ReturnKinds.constant(e);
        if (constant != null) {
            builder.link(builder.current(), constant != 0 ? t : f); // while (1), do { } while (0)
            builder.continueAt(null);
            return;
        }
        Node n = builder.cfg().newNode(Node.Kind.COND, builder.span(e).line(), builder.text(e));
        builder.link(builder.current(), n);
        builder.continueAt(n);
        String var = expr.localName(e);
        if (var == null) {
            // a side-effect-free test is named by its text, so testing it again (same
            // variables) gives the same answer: if (needs_lock(dev)) lock; ... if (needs_lock(dev)) unlock;
            boolean pure = sideEffectFree(e);
            String tmp = pure ? "?" + builder.text(e) : expr.newTemp();
            expr.lower(e, Use.VALUE, tmp);
            if (e instanceof IASTFunctionCallExpression || pure) var = tmp;
            else if (e instanceof IASTBinaryExpression b && b.getOperator() == IASTBinaryExpression.op_assign) {
                var = expr.localName(b.getOperand1());
            }
        }
        if (builder.current() == null) {
            builder.continueAt(builder.cfg().newNode(Node.Kind.COND, builder.span(e).line(), builder.text(e)));
        }
        n = builder.current(); // a statement expression may have moved us
        n.setCondVar(var);
        builder.cfg().addEdge(n, t, Edge.Kind.TRUE);
        builder.cfg().addEdge(n, f, Edge.Kind.FALSE);
        builder.continueAt(null);
    }
}
