/*
 * LC008: try-locks.
 *
 * mutex_trylock(), spin_trylock() and dma_resv_trylock() return nonzero
 * when they took the lock and 0 when they did not.  The lock state after
 * the call depends on that result, so code must test it and unlock only on
 * the branch where the lock was taken.  Ignoring the result, unlocking on
 * the failure branch, or testing it the wrong way round (down_trylock()
 * and mutex_lock_interruptible() return 0 on success, these do not) gives
 * an unlock of a lock that may not be held, reported at the unlock (and,
 * when the test is inverted, an exit that keeps the lock).
 *
 * Not a bug: bailing out on failure, doing the work only inside
 * `if (spin_trylock(...)) { ... }`, falling back to a blocking lock, and
 * keeping the result in a local that later guards the unlock.
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct mutex lock;
	spinlock_t irq_lock;
	struct list_head objects;
	u32 irq_status;
	int num_objects;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	struct list_head node;
	u32 madv;
};

void my_obj_put_pages(struct my_gem_object *obj);
void my_dev_flush(struct my_device *mdev);
void my_dev_note_contention(struct my_device *mdev);
void my_dev_print_state(struct my_device *mdev);

/* Give up with -EBUSY when the lock is contended. */
static int good_trylock_or_busy(struct my_device *mdev,
				struct my_gem_object *obj)
{
	if (!mutex_trylock(&mdev->lock))
		return -EBUSY;

	list_del_init(&obj->node);
	mdev->num_objects--;
	mutex_unlock(&mdev->lock);
	return 0;
}

/* Only the branch that took the lock touches the data and unlocks. */
static void good_spin_trylock_block(struct my_device *mdev, u32 status)
{
	if (spin_trylock(&mdev->irq_lock)) {
		mdev->irq_status |= status;
		spin_unlock(&mdev->irq_lock);
	}
}

/* Try first, and sleep on the lock only when it is contended. */
static void good_trylock_fallback(struct my_device *mdev,
				  struct my_gem_object *obj)
{
	if (!mutex_trylock(&mdev->lock)) {
		my_dev_note_contention(mdev);
		mutex_lock(&mdev->lock);
	}
	list_add_tail(&obj->node, &mdev->objects);
	mdev->num_objects++;
	mutex_unlock(&mdev->lock);
}

/*
 * Best-effort dump from a crash path: print even if the lock is contended,
 * and unlock only if it was taken.
 */
static void good_trylock_result_in_local(struct my_device *mdev)
{
	int locked = spin_trylock(&mdev->irq_lock);

	my_dev_print_state(mdev);
	if (locked)
		spin_unlock(&mdev->irq_lock);
}

/* The result is ignored: the unlock runs even when the lock was not taken. */
static void bad_trylock_result_ignored(struct my_device *mdev)
{
	mutex_trylock(&mdev->lock);
	my_dev_flush(mdev);
	mutex_unlock(&mdev->lock); /* expect: LC008 */
}

/* The failure branch jumps to the common exit, which unlocks. */
static int bad_trylock_fail_goto_unlock(struct my_gem_object *obj)
{
	int ret = 0;

	if (!dma_resv_trylock(obj->base.resv)) {
		ret = -EBUSY;
		goto out;
	}

	if (obj->madv == 1)
		my_obj_put_pages(obj);
	else
		ret = -EAGAIN;
out:
	dma_resv_unlock(obj->base.resv); /* expect: LC008 */
	return ret;
}

/*
 * Tested as if it returned 0 on success: the function bails out exactly
 * when it got the lock, and goes on to unlock when it did not.
 */
static int bad_trylock_inverted(struct my_device *mdev)
{
	if (mutex_trylock(&mdev->lock))
		return -EBUSY; /* expect: LC008 */

	my_dev_flush(mdev);
	mutex_unlock(&mdev->lock); /* expect: LC008 */
	return 0;
}

/* The retry loop gives up after ten attempts but carries on regardless. */
static void bad_trylock_retry_gives_up(struct my_device *mdev)
{
	int tries = 10;

	while (!mutex_trylock(&mdev->lock)) {
		if (--tries == 0)
			break;
		msleep(1);
	}
	my_dev_flush(mdev);
	mutex_unlock(&mdev->lock); /* expect: LC008 */
}
