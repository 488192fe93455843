package io.lockcheck.lock;

import java.util.HashMap;
import java.util.Map;

/**
 * The lock primitives lockcheck understands, as data (Smatch keeps its lock table the same
 * way). One row per function: what it does, which argument is the lock (-1: a global context
 * such as RCU) and whether it takes the lock shared (readers).
 */
public final class LockApi {
    /**
     * {@code suffix}: segments appended to the lock argument's path (drm_modeset_lock_all(dev)
     * takes {@code dev->mode_config.mutex}); {@code ctxArg}: the ww acquire context argument,
     * -1 if none (a lock taken with a non-NULL context belongs to that context).
     */
    public record Row(String function, LockOp op, int lockArg, boolean shared, String suffix, int ctxArg) {
        Row(String function, LockOp op, int lockArg, boolean shared) {
            this(function, op, lockArg, shared, "", -1);
        }
    }

    /** The context name used for RCU read-side critical sections. */
    public static final String RCU = "rcu";

    private static final Map<String, Row> ROWS = new HashMap<>();

    static {
        // mutex (include/linux/mutex.h)
        acquire(0, false, "mutex_lock", "mutex_lock_nested", "mutex_lock_io", "mutex_lock_io_nested",
                "mutex_lock_nest_lock");
        row(LockOp.TRY_ZERO, 0, false, "mutex_lock_interruptible", "mutex_lock_interruptible_nested",
                "mutex_lock_killable", "mutex_lock_killable_nested");
        row(LockOp.TRY, 0, false, "mutex_trylock", "mutex_trylock_nested");
        release(0, false, "mutex_unlock");
        row(LockOp.IS_LOCKED, 0, false, "mutex_is_locked");
        // spinlocks, raw and not (include/linux/spinlock.h)
        for (String p : new String[] {"spin", "raw_spin"}) {
            acquire(0, false, p + "_lock", p + "_lock_irq", p + "_lock_bh", p + "_lock_nested", p + "_lock_irqsave",
                    p + "_lock_irqsave_nested", p + "_lock_nest_lock");
            release(0, false, p + "_unlock", p + "_unlock_irq", p + "_unlock_bh", p + "_unlock_irqrestore");
            row(LockOp.TRY, 0, false, p + "_trylock", p + "_trylock_irq", p + "_trylock_bh", p + "_trylock_irqsave");
            row(LockOp.IS_LOCKED, 0, false, p + "_is_locked");
        }
        row(LockOp.ASSERT_HELD, 0, false, "assert_spin_locked", "assert_raw_spin_locked");
        // rwlock_t
        for (String mode : new String[] {"read", "write"}) {
            boolean shared = mode.equals("read");
            acquire(0, shared, mode + "_lock", mode + "_lock_irq", mode + "_lock_bh", mode + "_lock_irqsave");
            release(0, shared, mode + "_unlock", mode + "_unlock_irq", mode + "_unlock_bh", mode + "_unlock_irqrestore");
            row(LockOp.TRY, 0, shared, mode + "_trylock");
        }
        // rw_semaphore
        acquire(0, true, "down_read", "down_read_nested", "down_read_non_owner");
        row(LockOp.TRY_ZERO, 0, true, "down_read_killable", "down_read_interruptible", "down_read_killable_nested");
        row(LockOp.TRY, 0, true, "down_read_trylock");
        release(0, true, "up_read", "up_read_non_owner");
        acquire(0, false, "down_write", "down_write_nested", "down_write_nest_lock");
        row(LockOp.TRY_ZERO, 0, false, "down_write_killable", "down_write_killable_nested");
        row(LockOp.TRY, 0, false, "down_write_trylock");
        release(0, false, "up_write");
        row(LockOp.IS_LOCKED, 0, false, "rwsem_is_locked");
        // ww_mutex and dma_resv: with an acquire context they can fail (-EDEADLK, -EALREADY)
        for (String n : new String[] {"ww_mutex_lock", "ww_mutex_lock_interruptible", "ww_mutex_lock_slow_interruptible",
                "dma_resv_lock", "dma_resv_lock_interruptible", "dma_resv_lock_slow_interruptible"}) {
            ROWS.put(n, new Row(n, LockOp.TRY_ZERO, 0, false, "", 1));
        }
        for (String n : new String[] {"ww_mutex_lock_slow", "dma_resv_lock_slow"}) {
            ROWS.put(n, new Row(n, LockOp.ACQUIRE, 0, false, "", 1));
        }
        ROWS.put("ww_mutex_trylock", new Row("ww_mutex_trylock", LockOp.TRY, 0, false, "", 1));
        row(LockOp.TRY, 0, false, "dma_resv_trylock");
        release(0, false, "ww_mutex_unlock", "dma_resv_unlock");
        row(LockOp.ASSERT_HELD, 0, false, "dma_resv_assert_held");
        row(LockOp.IS_LOCKED, 0, false, "ww_mutex_is_locked", "dma_resv_is_locked");
        // decrement-and-lock: the lock (argument 1) is held exactly when they return true
        row(LockOp.TRY, 1, false, "atomic_dec_and_lock", "atomic_dec_and_lock_irqsave", "atomic_dec_and_mutex_lock",
                "refcount_dec_and_lock", "refcount_dec_and_lock_irqsave", "refcount_dec_and_mutex_lock",
                "_atomic_dec_and_lock", "_atomic_dec_and_lock_irqsave");
        // DRM modeset locks (drm_modeset_lock.h) and drm_exec: ww_mutex based, context-owned
        ROWS.put("drm_modeset_lock", new Row("drm_modeset_lock", LockOp.TRY_ZERO, 0, false, "", 1));
        ROWS.put("drm_modeset_lock_single_interruptible",
                new Row("drm_modeset_lock_single_interruptible", LockOp.TRY_ZERO, 0, false, "", -1));
        release(0, false, "drm_modeset_unlock");
        ROWS.put("drm_modeset_lock_all", new Row("drm_modeset_lock_all", LockOp.ACQUIRE, 0, false, "->mode_config.mutex", -1));
        ROWS.put("drm_modeset_unlock_all", new Row("drm_modeset_unlock_all", LockOp.RELEASE, 0, false, "->mode_config.mutex", -1));
        ROWS.put("drm_exec_lock_obj", new Row("drm_exec_lock_obj", LockOp.TRY_ZERO, 1, false, "->resv", 0));
        ROWS.put("drm_exec_prepare_obj", new Row("drm_exec_prepare_obj", LockOp.TRY_ZERO, 1, false, "->resv", 0));
        ROWS.put("drm_exec_unlock_obj", new Row("drm_exec_unlock_obj", LockOp.RELEASE, 1, false, "->resv", 0));
        // RCU read side: one global context
        acquire(-1, true, "rcu_read_lock", "rcu_read_lock_bh", "rcu_read_lock_sched");
        release(-1, true, "rcu_read_unlock", "rcu_read_unlock_bh", "rcu_read_unlock_sched");
        // lockdep assertions (include/linux/lockdep.h)
        row(LockOp.ASSERT_HELD, 0, false, "lockdep_assert_held", "lockdep_assert_held_once",
                "lockdep_assert_held_write", "lockdep_assert_held_exclusive");
        row(LockOp.ASSERT_HELD, 0, true, "lockdep_assert_held_read");
        row(LockOp.ASSERT_NOT_HELD, 0, false, "lockdep_assert_not_held");
    }

    private LockApi() {
    }

    private static void row(LockOp op, int arg, boolean shared, String... names) {
        for (String n : names) {
            ROWS.put(n, new Row(n, op, arg, shared));
        }
    }

    private static void acquire(int arg, boolean shared, String... names) {
        row(LockOp.ACQUIRE, arg, shared, names);
    }

    private static void release(int arg, boolean shared, String... names) {
        row(LockOp.RELEASE, arg, shared, names);
    }

    public static Row lookup(String function) {
        return function == null ? null : ROWS.get(function);
    }

    /**
     * The acquire primitive behind a guard class of include/linux/cleanup.h users, e.g.
     * {@code guard(mutex)}, {@code scoped_guard(spinlock_irqsave, ...)},
     * {@code scoped_cond_guard(mutex_intr, ...)}. Unknown classes (not locks) give null.
     */
    public static Row guardClass(String name) {
        return switch (name) {
            case "mutex" -> ROWS.get("mutex_lock");
            case "mutex_intr" -> ROWS.get("mutex_lock_interruptible");
            case "mutex_try" -> ROWS.get("mutex_trylock");
            case "spinlock", "spinlock_irq", "spinlock_irqsave", "spinlock_bh" -> ROWS.get("spin_lock");
            case "spinlock_try", "spinlock_irq_try", "spinlock_irqsave_try", "spinlock_bh_try" -> ROWS.get("spin_trylock");
            case "raw_spinlock", "raw_spinlock_irq", "raw_spinlock_irqsave", "raw_spinlock_bh" -> ROWS.get("raw_spin_lock");
            case "read_lock", "read_lock_irq", "read_lock_irqsave", "read_lock_bh" -> ROWS.get("read_lock");
            case "write_lock", "write_lock_irq", "write_lock_irqsave", "write_lock_bh" -> ROWS.get("write_lock");
            case "rwsem_read" -> ROWS.get("down_read");
            case "rwsem_read_intr", "rwsem_read_try" -> ROWS.get("down_read_trylock");
            case "rwsem_write" -> ROWS.get("down_write");
            case "rwsem_write_try", "rwsem_write_kill" -> ROWS.get("down_write_trylock");
            case "rcu" -> ROWS.get("rcu_read_lock");
            default -> null;
        };
    }
}
