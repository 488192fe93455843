/*
 * LC008: conditional locking.
 *
 * `if (need) mutex_lock(&l); ... if (need) mutex_unlock(&l);` is balanced
 * as long as `need` is a local (or parameter) that does not change in
 * between: both tests take the same branch.  The same holds for a
 * `locked` flag set next to the lock call, and for a nonblocking path that
 * try-locks where the blocking path locks.
 *
 * Bugs: the unlock is unconditional while the lock is not (or the other
 * way round), the two tests use different conditions, or the variable is
 * reassigned between them.  The unlock may then run without the lock and
 * the function may return with it held.
 */
#include "../include/kernel-stubs.h"

#define MY_BO_SHARED	0x1u

struct my_device {
	struct mutex lock;
	int num_flushes;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	u32 flags;
};

void my_obj_flush(struct my_gem_object *obj);
int my_obj_validate(struct my_gem_object *obj);
bool my_obj_unshare(struct my_gem_object *obj);
void my_dev_flush(struct my_device *mdev);

/* The caller says whether it already holds the lock. */
static void good_cond_on_parameter(struct my_device *mdev,
				   struct my_gem_object *obj, bool locked)
{
	if (!locked)
		mutex_lock(&mdev->lock);
	my_obj_flush(obj);
	if (!locked)
		mutex_unlock(&mdev->lock);
}

/* A flag set on the branch that takes the lock. */
static void good_locked_flag(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	bool locked = false;

	if (obj->flags & MY_BO_SHARED) {
		mutex_lock(&mdev->lock);
		locked = true;
	}
	my_obj_flush(obj);
	if (locked)
		mutex_unlock(&mdev->lock);
}

/*
 * A local computed once and never changed; the early error return repeats
 * the same test.
 */
static int good_cond_on_local(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	bool shared = obj->flags & MY_BO_SHARED;
	int ret;

	if (shared)
		mutex_lock(&mdev->lock);

	ret = my_obj_validate(obj);
	if (ret) {
		if (shared)
			mutex_unlock(&mdev->lock);
		return ret;
	}

	my_obj_flush(obj);
	if (shared)
		mutex_unlock(&mdev->lock);
	return 0;
}

/* Nonblocking callers try-lock, blocking callers sleep: held either way. */
static int good_nonblock_or_block(struct my_device *mdev, bool nonblock)
{
	if (nonblock) {
		if (!mutex_trylock(&mdev->lock))
			return -EAGAIN;
	} else {
		mutex_lock(&mdev->lock);
	}

	my_dev_flush(mdev);
	mdev->num_flushes++;
	mutex_unlock(&mdev->lock);
	return 0;
}

/* Locked only for shared objects, but unlocked for every object. */
static void bad_cond_lock_uncond_unlock(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	bool shared = obj->flags & MY_BO_SHARED;

	if (shared)
		mutex_lock(&mdev->lock);
	my_obj_flush(obj);
	mutex_unlock(&mdev->lock); /* expect: LC008 */
}

/* Unconditional lock, conditional unlock: unshared objects leak it. */
static void bad_uncond_lock_cond_unlock(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;

	mutex_lock(&mdev->lock);
	my_obj_flush(obj);
	if (obj->flags & MY_BO_SHARED)
		mutex_unlock(&mdev->lock);
} /* expect: LC008 */

/*
 * `shared` is reassigned between the two tests, so they no longer agree:
 * an object that stops being shared keeps the lock, one that becomes
 * shared is unlocked without it.
 */
static void bad_cond_variable_reassigned(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	bool shared = obj->flags & MY_BO_SHARED;

	if (shared)
		mutex_lock(&mdev->lock);
	shared = my_obj_unshare(obj);
	if (shared)
		mutex_unlock(&mdev->lock); /* expect: LC008 */
} /* expect: LC008 */

/*
 * Both paths take the lock, but only the blocking one releases it, so a
 * nonblocking call returns 0 with the lock still held.
 */
static int bad_nonblock_unlock_only_blocking(struct my_device *mdev,
					     bool nonblock)
{
	if (nonblock) {
		if (!mutex_trylock(&mdev->lock))
			return -EAGAIN;
	} else if (mutex_lock_interruptible(&mdev->lock)) {
		return -EINTR;
	}

	my_dev_flush(mdev);
	if (!nonblock)
		mutex_unlock(&mdev->lock);
	return 0; /* expect: LC008 */
}
