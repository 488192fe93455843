package io.lockcheck.cfg;

import io.lockcheck.cfg.Event.Acquire;
import io.lockcheck.cfg.Event.AssertHeld;
import io.lockcheck.cfg.Event.Release;
import io.lockcheck.cfg.Event.TryAcquire;
import io.lockcheck.lock.LockApi;
import io.lockcheck.lock.LockOp;
import io.lockcheck.lock.LockPath;
import org.eclipse.cdt.core.dom.ast.IASTExpression;
import org.eclipse.cdt.core.dom.ast.IASTFunctionCallExpression;
import org.eclipse.cdt.core.dom.ast.IASTIdExpression;
import org.eclipse.cdt.core.dom.ast.IASTInitializerClause;
import org.eclipse.cdt.core.dom.ast.IASTUnaryExpression;

import java.util.Set;

/**
 * The lock events of lock primitives ({@link LockApi}: mutex_lock(&l) acquires l) and of the
 * assertions kernel code writes with WARN-style macros, for {@link ExprLowering} and
 * {@link CondLowering}.
 */
final class LockEvents {
    static final Set<String> WARN_MACROS = Set.of("WARN_ON", "WARN_ON_ONCE", "BUG_ON", "WARN", "WARN_ONCE",
            "lockdep_assert", "lockdep_assert_once", "GEM_BUG_ON", "GEM_WARN_ON", "XE_WARN_ON", "drm_WARN_ON",
            "drm_WARN_ON_ONCE", "drm_WARN", "drm_WARN_ONCE");

    /**
     * The condition a WARN-style macro evaluates to (WARN_ON(x) is !!x): argument 0, or 1 for
     * the drm_WARN*(dev, x, ...) forms; null when {@code call} is not one.
     */
    static IASTExpression warnCondition(IASTFunctionCallExpression call) {
        if (!(Paths.strip(call.getFunctionNameExpression()) instanceof IASTIdExpression id)) return null;
        String n = id.getName().toString();
        if (!WARN_MACROS.contains(n) || n.startsWith("lockdep_")) return null;
        int i = n.startsWith("drm_") ? 1 : 0;
        IASTInitializerClause[] args = call.getArguments();
        return i < args.length && args[i] instanceof IASTExpression e ? e : null;
    }

    private final CfgBuilder builder;
    private final Paths paths;

    LockEvents(CfgBuilder builder, Paths paths) {
        this.builder = builder;
        this.paths = paths;
    }

    /** WARN_ON(!mutex_is_locked(&l)) and lockdep_assert(mutex_is_locked(&l)) assert the lock. */
    void assertFromWarn(IASTInitializerClause[] args) {
        for (IASTInitializerClause a : args) {
            if (!(a instanceof IASTExpression e)) continue;
            e = Paths.strip(e);
            if (e instanceof IASTUnaryExpression u && u.getOperator() == IASTUnaryExpression.op_not) {
                e = Paths.strip(u.getOperand());
            }
            if (e instanceof IASTFunctionCallExpression c
                    && Paths.strip(c.getFunctionNameExpression()) instanceof IASTIdExpression id) {
                LockApi.Row row = LockApi.lookup(id.getName().toString());
                if (row != null && row.op() == LockOp.IS_LOCKED) {
                    emit(row, LockOp.ASSERT_HELD, c, c.getArguments(), null);
                }
            }
        }
    }

    /** Emits the lock event for a primitive; {@code op} may differ from the row's (asserts). */
    void emit(LockApi.Row row, LockOp op, IASTExpression at, IASTInitializerClause[] args, String resultVar) {
        LockPath lock;
        String text;
        if (row.lockArg() < 0) {
            lock = LockPath.of(LockApi.RCU);
            text = LockApi.RCU;
        } else if (row.lockArg() < args.length && args[row.lockArg()] instanceof IASTExpression le) {
            lock = paths.path(le);
            text = Paths.lockText(builder.text(le));
            if (lock == null) lock = LockPath.of(text);
        } else {
            return;
        }
        Span span = builder.span(at);
        String api = row.function();
        boolean ctx = row.ctxArg() >= 0 && args.length > row.ctxArg() && args[row.ctxArg()] instanceof IASTExpression c
                && ReturnKinds.constant(c) == null;
        if (!row.suffix().isEmpty()) {
            LockPath full = LockPath.parse(lock + row.suffix());
            if (full != null) {
                lock = full;
                text = text + row.suffix();
            }
        }
        switch (op) {
            case ACQUIRE -> builder.emit(new Acquire(lock, text, row.shared(), api, ctx, span));
            case RELEASE -> builder.emit(new Release(lock, text, row.shared(), api, span));
            case TRY -> builder.emit(new TryAcquire(lock, text, row.shared(), api, resultVar, false, ctx, span));
            case TRY_ZERO -> builder.emit(resultVar == null
                    ? new Acquire(lock, text, row.shared(), api, ctx, span)
                    : new TryAcquire(lock, text, row.shared(), api, resultVar, true, ctx, span));
            case ASSERT_HELD -> builder.emit(new AssertHeld(lock, text, row.shared(), api, span));
            default -> {
            }
        }
    }
}
