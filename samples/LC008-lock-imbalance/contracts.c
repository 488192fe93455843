/*
 * LC008: lock and unlock wrappers.
 *
 * A function whose every exit holds a lock it took (my_dev_lock()) is a
 * lock wrapper; one whose every exit has released a lock it was entered
 * with (my_dev_unlock()) is an unlock wrapper.  Neither is an imbalance by
 * itself.  lockcheck computes these contracts from the bodies of the
 * functions it is given and applies them at each call with the arguments
 * substituted, so my_dev_lock(obj->mdev) takes obj->mdev->lock and
 * my_lru_lock(&mdev->lru) takes mdev->lru.lock.  A caller is then checked
 * as if it had called mutex_lock()/mutex_unlock() itself, and a finding
 * about a wrapper is reported on the call.
 *
 * The *_tail idiom (entered with the caller's lock, releases it) is in
 * contracts-tail.c.
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct mutex lock;
	struct drm_gem_lru lru;
	struct list_head objects;
	int num_objects;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	struct list_head node;
};

bool my_dev_busy(struct my_device *mdev);
void my_dev_flush(struct my_device *mdev);
int my_obj_validate(struct my_gem_object *obj);

static void my_dev_lock(struct my_device *mdev) __acquires(&mdev->lock)
{
	mutex_lock(&mdev->lock);
}

static void my_dev_unlock(struct my_device *mdev)
{
	mutex_unlock(&mdev->lock);
}

static void my_lru_lock(struct drm_gem_lru *lru)
{
	mutex_lock(lru->lock);
}

/* Wait for the device to go idle, dropping the lock while sleeping. */
static void good_wrapper_wait_relock(struct my_device *mdev)
{
	my_dev_lock(mdev);
	while (my_dev_busy(mdev)) {
		my_dev_unlock(mdev);
		msleep(1);
		my_dev_lock(mdev);
	}
	my_dev_flush(mdev);
	my_dev_unlock(mdev);
}

/* The wrapper's lock is obj->mdev->lock; a direct unlock of it balances. */
static void good_wrapper_argument_path(struct my_gem_object *obj)
{
	my_dev_lock(obj->mdev);
	list_del_init(&obj->node);
	obj->mdev->num_objects--;
	mutex_unlock(&obj->mdev->lock);
}

/* Passing &mdev->lru: the wrapper's lru->lock is mdev->lru.lock. */
static void good_lru_wrapper_address_of(struct my_device *mdev,
					struct my_gem_object *obj)
{
	my_lru_lock(&mdev->lru);
	list_move_tail(&obj->base.lru_node, &mdev->lru.list);
	mutex_unlock(mdev->lru.lock);
}

/* The wait loop lost its unlock: it relocks a lock it already holds. */
static void bad_wrapper_relock_while_held(struct my_device *mdev)
{
	my_dev_lock(mdev);
	while (my_dev_busy(mdev)) {
		msleep(1);
		my_dev_lock(mdev); /* expect: LC008 */
	}
	my_dev_flush(mdev);
	my_dev_unlock(mdev);
}

/* The error branch unlocks, then falls into the common unlock. */
static int bad_unlock_wrapper_twice(struct my_device *mdev,
				    struct my_gem_object *obj)
{
	int ret;

	my_dev_lock(mdev);
	ret = my_obj_validate(obj);
	if (ret) {
		my_dev_unlock(mdev);
		goto out;
	}
	list_del_init(&obj->node);
	mdev->num_objects--;
out:
	my_dev_unlock(mdev); /* expect: LC008 */
	return ret;
}

/* Locked through the wrapper, but the error return forgets the unlock. */
static int bad_wrapper_early_return(struct my_device *mdev,
				    struct my_gem_object *obj)
{
	my_dev_lock(mdev);
	if (my_obj_validate(obj))
		return -EINVAL; /* expect: LC008 */
	list_del_init(&obj->node);
	mdev->num_objects--;
	my_dev_unlock(mdev);
	return 0;
}
