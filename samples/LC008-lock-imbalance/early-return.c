/*
 * LC008: early return inside a locked region.
 *
 * A `return` added between lock and unlock (a new argument check, a new
 * error case) leaves the function with the lock held on that exit only.
 * The exits disagree, so one of them is wrong: the finding is on the exit
 * whose lock state differs from the others (with one exit each way, the
 * exit that still holds the lock).  A fall-through exit is reported on
 * the closing brace.
 *
 * Not a bug: checks done before taking the lock and unlocking before each
 * return.  Functions that return holding the lock exactly when they
 * succeed are a contract, not an imbalance: see acquire-on-success.c.
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct mutex lock;
	spinlock_t irq_lock;
	struct list_head objects;
	int num_objects;
	u32 irq_status;
	u32 irq_count;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	struct list_head node;
	u32 handle;
	u32 tiling;
	u32 madv;
	int pin_count;
};

void my_obj_put_pages(struct my_gem_object *obj);

/* Arguments are checked before the lock is taken. */
static int good_check_before_lock(struct my_gem_object *obj, u32 tiling)
{
	struct my_device *mdev = obj->mdev;

	if (tiling > 3)
		return -EINVAL;

	mutex_lock(&mdev->lock);
	obj->tiling = tiling;
	mutex_unlock(&mdev->lock);
	return 0;
}

/* Every early return drops the lock first. */
static int good_unlock_before_each_return(struct my_gem_object *obj,
					  u32 tiling)
{
	struct my_device *mdev = obj->mdev;

	mutex_lock(&mdev->lock);
	if (obj->pin_count) {
		mutex_unlock(&mdev->lock);
		return -EBUSY;
	}
	if (obj->tiling == tiling) {
		mutex_unlock(&mdev->lock);
		return 0;
	}
	obj->tiling = tiling;
	mutex_unlock(&mdev->lock);
	return 0;
}

/* irqsave section with an early exit that restores first. */
static void good_irqsave_early_exit(struct my_device *mdev, u32 status)
{
	unsigned long flags;

	spin_lock_irqsave(&mdev->irq_lock, flags);
	if (!status) {
		spin_unlock_irqrestore(&mdev->irq_lock, flags);
		return;
	}
	mdev->irq_status |= status;
	mdev->irq_count++;
	spin_unlock_irqrestore(&mdev->irq_lock, flags);
}

/* A new error case added inside the locked region returns without unlock. */
static int bad_return_busy_locked(struct my_gem_object *obj, u32 tiling)
{
	struct my_device *mdev = obj->mdev;

	mutex_lock(&mdev->lock);
	if (obj->pin_count)
		return -EBUSY; /* expect: LC008 */
	if (tiling > 3) {
		mutex_unlock(&mdev->lock);
		return -EINVAL;
	}
	obj->tiling = tiling;
	mutex_unlock(&mdev->lock);
	return 0;
}

/* The not-found path forgets the unlock that the found path does. */
static struct my_gem_object *bad_lookup_not_found_locked(struct my_device *mdev,
							 u32 handle)
{
	struct my_gem_object *obj;

	mutex_lock(&mdev->lock);
	list_for_each_entry(obj, &mdev->objects, node) {
		if (obj->handle == handle) {
			drm_gem_object_get(&obj->base);
			mutex_unlock(&mdev->lock);
			return obj;
		}
	}
	return NULL; /* expect: LC008 */
}

/* Interrupts stay disabled and the lock held when there is nothing to do. */
static void bad_irqsave_early_return(struct my_device *mdev, u32 status)
{
	unsigned long flags;

	spin_lock_irqsave(&mdev->irq_lock, flags);
	if (!status)
		return; /* expect: LC008 */
	mdev->irq_status |= status;
	mdev->irq_count++;
	spin_unlock_irqrestore(&mdev->irq_lock, flags);
}

/* An object still in use is skipped with its reservation still locked. */
static bool bad_evict_skip_willneed(struct my_gem_object *obj)
{
	if (!dma_resv_trylock(obj->base.resv))
		return false;
	if (obj->madv != 1)
		return false; /* expect: LC008 */
	my_obj_put_pages(obj);
	dma_resv_unlock(obj->base.resv);
	return true;
}

/* The early return unlocks, the fall-through exit at the end does not. */
static void bad_fallthrough_exit_locked(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;

	mutex_lock(&mdev->lock);
	if (list_empty(&obj->node)) {
		mutex_unlock(&mdev->lock);
		return;
	}
	list_del_init(&obj->node);
	mdev->num_objects--;
} /* expect: LC008 */
