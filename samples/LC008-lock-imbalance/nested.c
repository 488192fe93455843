/*
 * LC008: two locks held at once.
 *
 * Each lock is balanced on its own: an outer device lock and an inner
 * per-object lock, a parent and a child of the same lock class (taken with
 * mutex_lock_nested(..., SINGLE_DEPTH_NESTING) to tell lockdep the order),
 * or a spinlock inside a mutex.  An error path that releases only one of
 * the two leaks the other.
 *
 * mutex_lock_nested() is only a lockdep annotation: taking the same
 * instance twice (a copy-paste of `src` for `dst`) still deadlocks.
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct mutex lock;
	spinlock_t irq_lock;
	u32 irq_mask;
	bool suspended;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	struct mutex pages_lock;
	struct list_head node;
	int pin_count;
};

/* A bucket of objects; buckets nest one level deep when objects move. */
struct my_bucket {
	struct mutex lock;
	struct list_head list;
	int count;
};

int my_obj_get_pages(struct my_gem_object *obj);
void my_obj_put_pages(struct my_gem_object *obj);
int my_obj_map(struct my_gem_object *obj);

/* Two nested locks, released in reverse order by falling through labels. */
static int good_two_lock_ladder(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	int ret;

	mutex_lock(&mdev->lock);
	mutex_lock(&obj->pages_lock);

	ret = my_obj_get_pages(obj);
	if (ret)
		goto out_unlock_pages;

	ret = my_obj_map(obj);
	if (ret)
		goto err_put_pages;

	obj->pin_count++;
	goto out_unlock_pages;

err_put_pages:
	my_obj_put_pages(obj);
out_unlock_pages:
	mutex_unlock(&obj->pages_lock);
	mutex_unlock(&mdev->lock);
	return ret;
}

/* Two instances of one lock class: the second is taken with _nested. */
static void good_move_between_buckets(struct my_bucket *src,
				      struct my_bucket *dst,
				      struct my_gem_object *obj)
{
	mutex_lock(&src->lock);
	mutex_lock_nested(&dst->lock, SINGLE_DEPTH_NESTING);
	list_move_tail(&obj->node, &dst->list);
	src->count--;
	dst->count++;
	mutex_unlock(&dst->lock);
	mutex_unlock(&src->lock);
}

/* A spinlock inside a mutex, each with its own early exit. */
static int good_spinlock_inside_mutex(struct my_device *mdev, u32 mask)
{
	mutex_lock(&mdev->lock);
	if (mdev->suspended) {
		mutex_unlock(&mdev->lock);
		return -EBUSY;
	}

	spin_lock_irq(&mdev->irq_lock);
	mdev->irq_mask = mask;
	spin_unlock_irq(&mdev->irq_lock);

	mutex_unlock(&mdev->lock);
	return 0;
}

/* The error path jumps past the inner unlock. */
static int bad_goto_skips_inner_unlock(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	int ret;

	mutex_lock(&mdev->lock);
	mutex_lock(&obj->pages_lock);

	ret = my_obj_get_pages(obj);
	if (ret)
		goto out_unlock_dev;

	obj->pin_count++;
	mutex_unlock(&obj->pages_lock);
out_unlock_dev:
	mutex_unlock(&mdev->lock);
	return ret; /* expect: LC008 */
}

/* The early return releases the outer mutex but not the inner spinlock. */
static int bad_early_return_drops_outer_only(struct my_device *mdev, u32 mask)
{
	mutex_lock(&mdev->lock);
	spin_lock_irq(&mdev->irq_lock);
	if (mdev->suspended) {
		mutex_unlock(&mdev->lock);
		return -EBUSY; /* expect: LC008 */
	}
	mdev->irq_mask = mask;
	spin_unlock_irq(&mdev->irq_lock);
	mutex_unlock(&mdev->lock);
	return 0;
}

/*
 * Copy-paste: `src` where `dst` was meant, in the lock and in the unlock.
 * The _nested call self-deadlocks and the second unlock has nothing to
 * release.
 */
static void bad_nested_same_instance(struct my_bucket *src,
				     struct my_bucket *dst,
				     struct my_gem_object *obj)
{
	mutex_lock(&src->lock);
	mutex_lock_nested(&src->lock, SINGLE_DEPTH_NESTING); /* expect: LC008 */
	list_move_tail(&obj->node, &dst->list);
	mutex_unlock(&src->lock);
	mutex_unlock(&src->lock); /* expect: LC008 */
}
