/*
 * LC008: the *_tail idiom (drm_gem_handle_create_tail()).
 *
 * Some functions are entered with a lock their caller took and release it
 * themselves, typically because the rest of their work must run without
 * it.  They usually say so at the top with lockdep_assert_held() or
 * WARN_ON(!mutex_is_locked(...)).  Releasing a lock they did not take is
 * not an imbalance as long as every caller holds that lock at the call
 * and does not unlock it again afterwards.  The contract is computed from
 * the tail's body, so it applies with or without the assertion.
 *
 * Bugs are reported in the caller: calling the tail after the lock was
 * already dropped (at the call), or unlocking after the tail already did
 * (at the unlock).
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct mutex name_lock;
	struct mutex lock;
	struct list_head objects;
	struct list_head retired;
	u32 next_name;
};

struct my_file {
	spinlock_t table_lock;
	u32 next_handle;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	struct list_head node;
	u32 name;
	int handle_count;
	bool active;
};

void my_obj_handle_put(struct my_gem_object *obj);
void my_obj_release_pages(struct my_gem_object *obj);
int my_obj_prepare(struct my_gem_object *obj);

/* Entered with obj->mdev->name_lock held; drops it before it may fail. */
static int my_handle_create_tail(struct my_file *file,
				 struct my_gem_object *obj, u32 *handlep)
{
	struct my_device *mdev = obj->mdev;
	u32 handle;

	WARN_ON(!mutex_is_locked(&mdev->name_lock));

	obj->handle_count++;

	spin_lock(&file->table_lock);
	handle = file->next_handle++;
	spin_unlock(&file->table_lock);

	mutex_unlock(&mdev->name_lock);

	if (!handle) {
		my_obj_handle_put(obj);
		return -ENOSPC;
	}
	*handlep = handle;
	return 0;
}

/* Entered with mdev->lock held; moves obj off the list, frees unlocked. */
static void my_obj_retire_tail(struct my_device *mdev,
			       struct my_gem_object *obj)
{
	lockdep_assert_held(&mdev->lock);

	list_move_tail(&obj->node, &mdev->retired);
	mutex_unlock(&mdev->lock);

	my_obj_release_pages(obj);
}

/* Entered with mdev->lock held (no assertion); publishes and unlocks. */
static void my_obj_publish_tail(struct my_device *mdev,
				struct my_gem_object *obj)
{
	list_add_tail(&obj->node, &mdev->objects);
	mutex_unlock(&mdev->lock);
}

/* Take the lock, hand it over to the tail. */
static int good_handle_create(struct my_file *file,
			      struct my_gem_object *obj, u32 *handlep)
{
	mutex_lock(&obj->mdev->name_lock);
	return my_handle_create_tail(file, obj, handlep);
}

/* Same lock through a local alias: mdev is obj->mdev. */
static int good_flink_and_handle(struct my_file *file,
				 struct my_gem_object *obj, u32 *handlep)
{
	struct my_device *mdev = obj->mdev;

	mutex_lock(&mdev->name_lock);
	if (!obj->name)
		obj->name = ++mdev->next_name;
	return my_handle_create_tail(file, obj, handlep);
}

/* Some paths unlock here, the others leave the unlock to the tail. */
static void good_retire_if_idle(struct my_device *mdev,
				struct my_gem_object *obj)
{
	mutex_lock(&mdev->lock);
	if (obj->active) {
		mutex_unlock(&mdev->lock);
		return;
	}
	my_obj_retire_tail(mdev, obj);
}

/* A tail without an assertion: its contract comes from its body. */
static int good_publish(struct my_device *mdev, struct my_gem_object *obj)
{
	int ret;

	ret = my_obj_prepare(obj);
	if (ret)
		return ret;

	mutex_lock(&mdev->lock);
	my_obj_publish_tail(mdev, obj);
	return 0;
}

/* The lock was dropped early, so the tail unlocks a lock nobody holds. */
static void bad_publish_after_unlock(struct my_device *mdev,
				     struct my_gem_object *obj)
{
	mutex_lock(&mdev->lock);
	obj->active = false;
	mutex_unlock(&mdev->lock);

	my_obj_publish_tail(mdev, obj); /* expect: LC008 */
}

/* The caller does not know the tail already unlocked. */
static void bad_unlock_after_tail(struct my_device *mdev,
				  struct my_gem_object *obj)
{
	mutex_lock(&mdev->lock);
	my_obj_retire_tail(mdev, obj);
	mutex_unlock(&mdev->lock); /* expect: LC008 */
}
