/*
 * WARN_ON(x), WARN_ON_ONCE(x) and WARN(x, ...) evaluate to their condition, so a lock
 * result tested through them is settled like `if (ret)`: the early return runs only when
 * the lock was not taken.  Code that warns and carries on anyway still has to unlock.
 */
#include "../include/kernel-stubs.h"

struct warn_bo {
	struct dma_resv *resv;
	int pages;
};

/* dma_resv_lock() cannot fail without a context; warn if it does and bail out. */
static void good_warn_bo_pin(struct warn_bo *bo)
{
	int ret;

	ret = dma_resv_lock_interruptible(bo->resv, NULL);
	if (WARN_ON_ONCE(ret))
		return;
	bo->pages++;
	dma_resv_unlock(bo->resv);
}

/* The warning does not stop the function: the lock is released on the success path only. */
static void bad_warn_bo_unpin(struct warn_bo *bo)
{
	int ret;

	ret = dma_resv_lock_interruptible(bo->resv, NULL);
	WARN_ON(ret);
	bo->pages--;
	dma_resv_unlock(bo->resv); /* expect: LC008 */
}
