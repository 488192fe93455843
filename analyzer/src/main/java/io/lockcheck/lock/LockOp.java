package io.lockcheck.lock;

/**
 * What a lock primitive does. TRY succeeds when it returns nonzero (mutex_trylock);
 * TRY_ZERO succeeds when it returns 0 (mutex_lock_interruptible, ww_mutex_lock with a
 * context, dma_resv_lock_interruptible). ASSERT_HELD is lockdep_assert_held() and friends.
 */
public enum LockOp {
    ACQUIRE, RELEASE, TRY, TRY_ZERO, ASSERT_HELD, ASSERT_NOT_HELD, IS_LOCKED
}
