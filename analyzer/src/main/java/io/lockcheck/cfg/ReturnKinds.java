package io.lockcheck.cfg;

import org.eclipse.cdt.core.dom.ast.IASTBinaryExpression;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTLiteralExpression;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

/** Classifies constant-ish expressions: returned values and comparisons with zero. */
final class ReturnKinds {
    private ReturnKinds() {
    }

    /** The integer value of a constant: literals, NULL, false, true. Null if not constant. */
    static Integer constant(IASTExpression e) {
        e = Paths.strip(e);
        if (e instanceof IASTLiteralExpression lit && lit.getKind() == IASTLiteralExpression.lk_integer_constant) {
            String v = lit.toString().toLowerCase(java.util.Locale.ROOT).replaceAll("[ul]+$", "");
            try {
                long n = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16)
                        : v.length() > 1 && v.startsWith("0") ? Long.parseLong(v.substring(1), 8) : Long.parseLong(v);
                return n == 0 ? 0 : 1;
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_minus) {
            // -EINVAL: errno constants are positive, so their negation is nonzero
            IASTExpression x = Paths.strip(u.getOperand());
            Integer c = constant(x);
            if (c != null) return c;
            if (x instanceof IASTIdExpression id && id.getName().toString().matches("E[A-Z0-9]+")) return 1;
            return null;
        }
        if (e instanceof IASTIdExpression id) {
            return switch (id.getName().toString()) {
                case "NULL", "false" -> 0;
                case "true" -> 1;
                default -> null;
            };
        }
        return null;
    }

    static boolean isErrPtr(IASTExpression e) {
        return e instanceof IASTFunctionCallExpression c && Paths.strip(c.getFunctionNameExpression()) instanceof IASTIdExpression id
                && (id.getName().toString().equals("ERR_PTR") || id.getName().toString().equals("ERR_CAST"));
    }

    static ReturnKind of(IASTExpression e) {
        if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_minus) return ReturnKind.NEGATIVE;
        Integer c = constant(e);
        if (c != null) return c == 0 ? ReturnKind.ZERO : ReturnKind.POSITIVE;
        if (isErrPtr(e)) return ReturnKind.NEGATIVE;
        if (e instanceof IASTIdExpression id) {
            String n = id.getName().toString();
            return n.equals(n.toUpperCase(java.util.Locale.ROOT)) ? ReturnKind.CONSTANT : ReturnKind.VAR;
        }
        return ReturnKind.OTHER;
    }

    /** For {@code x == 0}, {@code x != NULL}, {@code x < 0}, {@code x >= 0}: x; else null. */
    static IASTExpression comparedWithZero(IASTBinaryExpression b) {
        int op = b.getOperator();
        boolean eq = op == IASTBinaryExpression.op_equals || op == IASTBinaryExpression.op_notequals;
        boolean sign = op == IASTBinaryExpression.op_lessThan || op == IASTBinaryExpression.op_greaterEqual;
        if (!eq && !sign) return null;
        if (!(b.getInitOperand2() instanceof IASTExpression rhs)) return null;
        Integer r = constant(rhs);
        if (r != null && r == 0) return b.getOperand1();
        Integer l = constant(b.getOperand1());
        if (eq && l != null && l == 0) return rhs;
        return null;
    }
}
