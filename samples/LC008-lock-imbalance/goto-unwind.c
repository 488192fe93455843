/*
 * LC008: goto unwind ladders.
 *
 * Kernel error handling jumps forward to a ladder of labels that undo the
 * setup in reverse order.  The ladder is right when every goto lands on the
 * label that releases exactly the locks held at the jump.  Jumping one label
 * too far, or swapping two labels, leaks a lock; jumping to the unlock label
 * before the lock was taken, or after it was already dropped, releases a
 * lock that is not held.  A leak is reported at the `return` where the
 * paths meet, an extra release at the unlock call itself.  Ladders over two
 * nested locks are in nested.c.
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct mutex lock;
	struct list_head objects;
	int num_objects;
	bool suspended;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	struct list_head node;
	void *pages;
	int pin_count;
};

int my_obj_get_pages(struct my_gem_object *obj);
void my_obj_put_pages(struct my_gem_object *obj);
int my_obj_map(struct my_gem_object *obj);

/* The textbook ladder: each label undoes one step, the last one unlocks. */
static int good_pin_unwind(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	int ret;

	mutex_lock(&mdev->lock);
	if (mdev->suspended) {
		ret = -EBUSY;
		goto out_unlock;
	}

	ret = my_obj_get_pages(obj);
	if (ret)
		goto out_unlock;

	ret = my_obj_map(obj);
	if (ret)
		goto err_put_pages;

	obj->pin_count++;
	mutex_unlock(&mdev->lock);
	return 0;

err_put_pages:
	my_obj_put_pages(obj);
out_unlock:
	mutex_unlock(&mdev->lock);
	return ret;
}

/* Allocation before the lock: the error label frees after unlocking. */
static struct my_gem_object *good_create_unwind(struct my_device *mdev)
{
	struct my_gem_object *obj;
	int ret;

	obj = kzalloc(sizeof(*obj), GFP_KERNEL);
	if (!obj)
		return ERR_PTR(-ENOMEM);

	mutex_lock(&mdev->lock);
	if (mdev->suspended) {
		ret = -EBUSY;
		goto err_unlock;
	}

	ret = my_obj_get_pages(obj);
	if (ret)
		goto err_unlock;

	list_add_tail(&obj->node, &mdev->objects);
	mdev->num_objects++;
	mutex_unlock(&mdev->lock);
	return obj;

err_unlock:
	mutex_unlock(&mdev->lock);
	kfree(obj);
	return ERR_PTR(ret);
}

/*
 * The lock is dropped for the slow part; the error label after it takes the
 * lock again to undo the bookkeeping and then shares the unlock label.
 */
static int good_relock_in_unwind(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	int ret;

	mutex_lock(&mdev->lock);
	if (mdev->suspended) {
		ret = -EBUSY;
		goto out_unlock;
	}
	obj->pin_count++;
	mutex_unlock(&mdev->lock);

	ret = my_obj_map(obj);
	if (ret)
		goto err_unpin;
	return 0;

err_unpin:
	mutex_lock(&mdev->lock);
	obj->pin_count--;
out_unlock:
	mutex_unlock(&mdev->lock);
	return ret;
}

/* goto one label too far: the -EBUSY path skips the unlock. */
static int bad_goto_skips_unlock(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	int ret;

	mutex_lock(&mdev->lock);
	if (mdev->suspended) {
		ret = -EBUSY;
		goto out;
	}

	ret = my_obj_get_pages(obj);
	if (ret)
		goto out_unlock;

	obj->pin_count++;
out_unlock:
	mutex_unlock(&mdev->lock);
out:
	return ret; /* expect: LC008 */
}

/*
 * Labels in the wrong order: err_free should come first.  As written, a
 * failure of my_obj_get_pages() frees the object and returns with the lock
 * still held.
 */
static int bad_labels_swapped(struct my_device *mdev)
{
	struct my_gem_object *obj;
	int ret;

	mutex_lock(&mdev->lock);
	obj = kzalloc(sizeof(*obj), GFP_KERNEL);
	if (!obj) {
		ret = -ENOMEM;
		goto err_unlock;
	}

	ret = my_obj_get_pages(obj);
	if (ret)
		goto err_free;

	list_add_tail(&obj->node, &mdev->objects);
	mdev->num_objects++;
	mutex_unlock(&mdev->lock);
	return 0;

err_unlock:
	mutex_unlock(&mdev->lock);
err_free:
	kfree(obj);
	return ret; /* expect: LC008 */
}

/*
 * The lock is dropped before the slow call, but its error path still jumps
 * to the label that unlocks: a double unlock.
 */
static int bad_goto_unlock_after_unlock(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	int ret;

	mutex_lock(&mdev->lock);
	ret = my_obj_get_pages(obj);
	if (ret)
		goto out_unlock;
	mutex_unlock(&mdev->lock);

	ret = my_obj_map(obj);
	if (ret)
		goto out_unlock;
	return 0;

out_unlock:
	mutex_unlock(&mdev->lock); /* expect: LC008 */
	return ret;
}

/* An argument check added above the lock reuses the unlock label. */
static int bad_goto_unlock_before_lock(struct my_device *mdev,
				       struct my_gem_object *obj)
{
	int ret;

	if (obj->mdev != mdev) {
		ret = -EINVAL;
		goto out_unlock;
	}

	mutex_lock(&mdev->lock);
	ret = my_obj_get_pages(obj);
	if (!ret)
		list_add_tail(&obj->node, &mdev->objects);
out_unlock:
	mutex_unlock(&mdev->lock); /* expect: LC008 */
	return ret;
}
