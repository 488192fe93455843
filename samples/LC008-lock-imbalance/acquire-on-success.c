/*
 * LC008: functions that return holding the lock when they succeed.
 *
 * A lookup that returns the object with the list lock held (NULL without
 * it), a lock_interruptible() wrapper that returns 0 with the lock held
 * (-EINTR without it), a trylock wrapper returning true when it took the
 * lock: their exits disagree on purpose.  The rule is that every exit
 * holding the lock returns success (0, true, a pointer) and every exit
 * without it returns failure (a negative errno, NULL, ERR_PTR(), false,
 * or the nonzero result of a failed *_interruptible lock).  Callers test
 * the result before unlocking, exactly as with mutex_trylock().
 *
 * None of these is a bug, so this file has no bad_ functions.
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct mutex lock;
	struct list_head objects;
	bool wedged;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	struct list_head node;
	u32 handle;
	u32 madv;
};

struct my_gem_object *my_lookup_get(struct my_device *mdev, u32 handle);
void my_obj_put(struct my_gem_object *obj);

/* The object comes back with mdev->lock held; NULL comes back without. */
static struct my_gem_object *good_lookup_returns_locked(struct my_device *mdev,
							u32 handle)
{
	struct my_gem_object *obj;

	mutex_lock(&mdev->lock);
	list_for_each_entry(obj, &mdev->objects, node) {
		if (obj->handle == handle)
			return obj;
	}
	mutex_unlock(&mdev->lock);
	return NULL;
}

/* 0 with the lock held; the lock's own error, or -EIO after unlocking. */
static int good_dev_lock_interruptible(struct my_device *mdev)
{
	int ret;

	ret = mutex_lock_interruptible(&mdev->lock);
	if (ret)
		return ret;

	if (mdev->wedged) {
		mutex_unlock(&mdev->lock);
		return -EIO;
	}
	return 0;
}

/* The same contract in its shortest form. */
static int good_dev_lock_interruptible_short(struct my_device *mdev)
{
	return mutex_lock_interruptible(&mdev->lock);
}

/* true with the reservation locked, false without. */
static bool good_obj_trylock_purgeable(struct my_gem_object *obj)
{
	if (!dma_resv_trylock(obj->base.resv))
		return false;
	if (obj->madv != 1) {
		dma_resv_unlock(obj->base.resv);
		return false;
	}
	return true;
}

/* A referenced, reservation-locked object, or an ERR_PTR() and no lock. */
static struct my_gem_object *good_get_locked(struct my_device *mdev,
					     u32 handle)
{
	struct my_gem_object *obj;
	int ret;

	obj = my_lookup_get(mdev, handle);
	if (!obj)
		return ERR_PTR(-ENOENT);

	ret = dma_resv_lock_interruptible(obj->base.resv, NULL);
	if (ret) {
		my_obj_put(obj);
		return ERR_PTR(ret);
	}
	return obj;
}
