package io.lockcheck.cfg;

import io.lockcheck.cfg.ExprLowering.Use;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

import java.util.Map;

/**
 * Kernel primitives that mark an access as intentionally concurrent
 * (tools/memory-model/Documentation/access-marking.txt), besides READ_ONCE()/WRITE_ONCE()
 * and data_race(), which the prelude turns into markers. As data: which argument is
 * accessed, how, and whether it is passed by address.
 */
final class MarkedAccess {
    private record Row(int arg, Use use, boolean byAddress) {
    }

    private static final Map<String, Row> ROWS = Map.ofEntries(
            Map.entry("rcu_dereference", new Row(0, Use.VALUE, false)),
            Map.entry("rcu_dereference_check", new Row(0, Use.VALUE, false)),
            Map.entry("rcu_dereference_protected", new Row(0, Use.VALUE, false)),
            Map.entry("rcu_dereference_raw", new Row(0, Use.VALUE, false)),
            Map.entry("rcu_dereference_bh", new Row(0, Use.VALUE, false)),
            Map.entry("rcu_dereference_sched", new Row(0, Use.VALUE, false)),
            Map.entry("srcu_dereference", new Row(0, Use.VALUE, false)),
            Map.entry("rcu_access_pointer", new Row(0, Use.VALUE, false)),
            Map.entry("rcu_assign_pointer", new Row(0, Use.WRITE, false)),
            Map.entry("RCU_INIT_POINTER", new Row(0, Use.WRITE, false)),
            Map.entry("rcu_replace_pointer", new Row(0, Use.WRITE, false)),
            Map.entry("smp_load_acquire", new Row(0, Use.VALUE, true)),
            Map.entry("smp_store_release", new Row(0, Use.WRITE, true)),
            Map.entry("smp_store_mb", new Row(0, Use.WRITE, false)));

    private MarkedAccess() {
    }

    /** Lowers a marking call and returns true, or returns false when {@code name} is not one. */
    static boolean lower(ExprLowering lowering, String name, IASTInitializerClause[] args) {
        Row row = ROWS.get(name);
        if (row == null || args.length <= row.arg() || !(args[row.arg()] instanceof IASTExpression target)) return false;
        for (int i = 0; i < args.length; i++) {
            if (i != row.arg()) lowering.lower(args[i], Use.VALUE);
        }
        IASTExpression t = Paths.strip(target);
        if (row.byAddress() && t instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_amper) {
            t = u.getOperand();
        }
        lowering.lowerMarked(t, row.use());
        return true;
    }
}
