/*
 * LC008: interruptible and killable locks.
 *
 * mutex_lock_interruptible(), mutex_lock_killable() and
 * dma_resv_lock_interruptible() return 0 when they took the lock and a
 * negative errno (-EINTR) when a signal arrived first; then the lock is
 * NOT held.  Unlocking on that error path, or not testing the result at
 * all, unlocks a lock that may not be held.  After the test, the usual
 * rule applies: every exit must agree on the lock.  (A wrapper that
 * returns 0 with the lock held and an error without it is fine: see
 * acquire-on-success.c.)
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct mutex lock;
	struct list_head objects;
	int num_objects;
	u32 max_size;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	struct list_head node;
	u32 size;
};

struct my_create_args {
	u32 size;
	u32 handle;
};

struct dma_fence *my_obj_fence(struct my_gem_object *obj);
void my_dev_flush(struct my_device *mdev);

/* ret = ...; if (ret) return ret; -- the canonical form. */
static int good_interruptible_ret(struct my_device *mdev,
				  struct my_gem_object *obj)
{
	int ret;

	ret = mutex_lock_interruptible(&mdev->lock);
	if (ret)
		return ret;

	list_add_tail(&obj->node, &mdev->objects);
	mdev->num_objects++;
	mutex_unlock(&mdev->lock);
	return 0;
}

/* The result tested directly in the if. */
static int good_interruptible_eintr(struct my_device *mdev,
				    struct my_gem_object *obj)
{
	if (mutex_lock_interruptible(&mdev->lock))
		return -EINTR;

	list_del_init(&obj->node);
	mdev->num_objects--;
	mutex_unlock(&mdev->lock);
	return 0;
}

/* The reservation lock, interruptible, no acquire context. */
static int good_resv_interruptible(struct my_gem_object *obj)
{
	int ret;

	if (dma_resv_lock_interruptible(obj->base.resv, NULL))
		return -EINTR;

	ret = dma_resv_reserve_fences(obj->base.resv, 1);
	if (!ret)
		dma_resv_add_fence(obj->base.resv, my_obj_fence(obj), 0);
	dma_resv_unlock(obj->base.resv);
	return ret;
}

/* A killable lock inside an unwind ladder: a failed lock skips the unlock. */
static int good_killable_ladder(struct my_device *mdev,
				struct my_create_args *args)
{
	struct my_gem_object *obj;
	int ret;

	obj = kzalloc(sizeof(*obj), GFP_KERNEL);
	if (!obj)
		return -ENOMEM;

	ret = mutex_lock_killable(&mdev->lock);
	if (ret)
		goto err_free;

	obj->size = args->size;
	list_add_tail(&obj->node, &mdev->objects);
	mdev->num_objects++;
	mutex_unlock(&mdev->lock);
	return 0;

err_free:
	kfree(obj);
	return ret;
}

/* Interrupted: ret is -EINTR, the lock is not held, yet out: unlocks. */
static int bad_interruptible_fail_unlocks(struct my_device *mdev)
{
	int ret;

	ret = mutex_lock_interruptible(&mdev->lock);
	if (ret)
		goto out;

	my_dev_flush(mdev);
out:
	mutex_unlock(&mdev->lock); /* expect: LC008 */
	return ret;
}

/* The result is stored but never tested. */
static int bad_interruptible_not_tested(struct my_device *mdev)
{
	int ret;

	ret = mutex_lock_interruptible(&mdev->lock);
	my_dev_flush(mdev);
	mutex_unlock(&mdev->lock); /* expect: LC008 */
	return ret;
}

/* A size check added after the killable lock returns with it held. */
static int bad_killable_leak_on_einval(struct my_device *mdev,
				       struct my_gem_object *obj,
				       struct my_create_args *args)
{
	int ret;

	ret = mutex_lock_killable(&mdev->lock);
	if (ret)
		return ret;

	if (args->size > mdev->max_size)
		return -EINVAL; /* expect: LC008 */

	obj->size = args->size;
	list_add_tail(&obj->node, &mdev->objects);
	mutex_unlock(&mdev->lock);
	return 0;
}

/* Running out of fence slots returns with the reservation still locked. */
static int bad_resv_leak_on_reserve_error(struct my_gem_object *obj)
{
	int ret;

	ret = dma_resv_lock_interruptible(obj->base.resv, NULL);
	if (ret)
		return ret;

	ret = dma_resv_reserve_fences(obj->base.resv, 1);
	if (ret)
		return ret; /* expect: LC008 */

	dma_resv_add_fence(obj->base.resv, my_obj_fence(obj), 0);
	dma_resv_unlock(obj->base.resv);
	return 0;
}
