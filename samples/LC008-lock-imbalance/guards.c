/*
 * LC008: scope-based guards (linux/cleanup.h).
 *
 * guard(mutex)(&l) holds l until the end of the enclosing block, whatever
 * way the block is left: return, break, continue or falling off the end.
 * scoped_guard(T, &l) { ... } holds it for the braces only, and
 * scoped_cond_guard(mutex_intr, fail, &l) { ... } runs `fail` instead of
 * the body when the lock could not be taken.  Early returns are therefore
 * safe, and that is the point of guards.
 *
 * Bugs appear where guards and explicit calls meet: an explicit unlock of
 * a guarded lock (the guard unlocks it again when the scope ends, reported
 * on the statement that leaves the scope), an unlock after the scoped_guard
 * block has already released it, a guard on a lock that is already held,
 * and explicit locks taken next to a guard that early returns now leak.
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct mutex lock;
	spinlock_t irq_lock;
	struct list_head objects;
	int num_objects;
	u32 irq_mask;
	bool suspended;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	spinlock_t state_lock;
	struct list_head node;
	u32 handle;
	u32 tiling;
	int pin_count;
	bool busy;	/* protected by state_lock */
	bool dirty;	/* protected by state_lock */
};

void my_obj_put_pages(struct my_gem_object *obj);
void my_dev_kick_worker(struct my_device *mdev);

/* guard(mutex): every return releases the lock. */
static int good_guard_early_returns(struct my_gem_object *obj, u32 tiling)
{
	struct my_device *mdev = obj->mdev;

	guard(mutex)(&mdev->lock);
	if (obj->pin_count)
		return -EBUSY;
	if (tiling > 3)
		return -EINVAL;
	obj->tiling = tiling;
	return 0;
}

/* return from inside scoped_guard (and from inside a list walk in it). */
static struct my_gem_object *good_scoped_guard_lookup(struct my_device *mdev,
						      u32 handle)
{
	struct my_gem_object *obj;

	scoped_guard(mutex, &mdev->lock) {
		list_for_each_entry(obj, &mdev->objects, node) {
			if (obj->handle == handle) {
				drm_gem_object_get(&obj->base);
				return obj;
			}
		}
	}
	return NULL;
}

/* The body runs only when the interruptible lock was taken. */
static int good_scoped_cond_guard_intr(struct my_device *mdev,
				       struct my_gem_object *obj)
{
	scoped_cond_guard(mutex_intr, return -EINTR, &mdev->lock) {
		list_add_tail(&obj->node, &mdev->objects);
		mdev->num_objects++;
	}
	return 0;
}

/*
 * break leaves a scoped_guard block and releases its lock; a guard in a
 * loop body is released at the end of every iteration, continue included.
 */
static void good_guard_break_and_continue(struct my_device *mdev)
{
	struct my_gem_object *obj;

	scoped_guard(mutex, &mdev->lock) {
		if (mdev->suspended)
			break;
		list_for_each_entry(obj, &mdev->objects, node) {
			guard(spinlock)(&obj->state_lock);
			if (obj->busy)
				continue;
			obj->dirty = false;
		}
	}
	my_dev_kick_worker(mdev);
}

/*
 * Left over from the pre-guard version: the explicit unlock drops the
 * lock, then the guard unlocks it again when `return` leaves its scope.
 */
static int bad_guard_with_explicit_unlock(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;

	guard(mutex)(&mdev->lock);
	if (obj->pin_count) {
		mutex_unlock(&mdev->lock);
		return -EBUSY; /* expect: LC008 */
	}
	obj->tiling = 0;
	return 0;
}

/* scoped_guard already released the lock at its closing brace. */
static void bad_unlock_after_scoped_guard(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;

	scoped_guard(mutex, &mdev->lock) {
		list_del_init(&obj->node);
		mdev->num_objects--;
	}
	my_obj_put_pages(obj);
	mutex_unlock(&mdev->lock); /* expect: LC008 */
}

/* Half-converted: the old mutex_lock() was kept above the new guard. */
static int bad_lock_then_guard(struct my_gem_object *obj, u32 tiling)
{
	struct my_device *mdev = obj->mdev;

	mutex_lock(&mdev->lock);
	guard(mutex)(&mdev->lock); /* expect: LC008 */
	if (obj->pin_count)
		return -EBUSY;
	obj->tiling = tiling;
	return 0;
}

/*
 * The guard makes returns safe for mdev->lock only; the spinlock taken by
 * hand still leaks on the early return.
 */
static int bad_guard_explicit_lock_leaks(struct my_device *mdev, u32 mask)
{
	guard(mutex)(&mdev->lock);

	spin_lock_irq(&mdev->irq_lock);
	if (mdev->suspended)
		return -EBUSY; /* expect: LC008 */
	mdev->irq_mask = mask;
	spin_unlock_irq(&mdev->irq_lock);
	return 0;
}
