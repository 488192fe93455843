/*
 * LC008: locks in loops.
 *
 * The lock state must be the same at the top of every iteration.  Common
 * correct shapes: the shrinker scan (take the LRU lock, and inside the loop
 * drop it around the slow per-object work and take it again before the
 * next iteration, as drm_gem_lru_scan() does), per-object try-locks in a
 * list walk (a different object, so a different lock, every iteration),
 * and lock/unlock inside one iteration.
 *
 * Bugs: a `continue` or `break` that skips the unlock or the relock.  The
 * next iteration then takes a lock that is still held, or drops one that
 * is not, and the code after the loop finds the lock in a state that
 * depends on how the loop ended.
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct mutex lock;
	spinlock_t pending_lock;
	struct list_head pending;
	struct list_head active;
	int queued;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct list_head node;
	void *pages;
};

bool my_obj_shrink(struct drm_gem_object *obj);
int my_obj_shrink_wait(struct drm_gem_object *obj);
bool my_obj_is_purgeable(struct drm_gem_object *obj);
void my_obj_release(struct my_gem_object *obj);
int my_dev_queue(struct my_device *mdev, struct my_gem_object *obj);
struct my_gem_object *my_dev_pop_pending(struct my_device *mdev);

/*
 * Shrinker scan: the LRU lock is held at the top of every iteration and
 * after the loop; it is dropped only around the per-object work.
 */
static unsigned long good_lru_scan_relock(struct drm_gem_lru *lru,
					  unsigned int nr_to_scan)
{
	struct drm_gem_object *obj;
	struct list_head still;
	unsigned long freed = 0;

	INIT_LIST_HEAD(&still);

	mutex_lock(lru->lock);
	while (freed < nr_to_scan) {
		obj = list_first_entry_or_null(&lru->list,
					       struct drm_gem_object, lru_node);
		if (!obj)
			break;

		list_move_tail(&obj->lru_node, &still);
		if (!kref_get_unless_zero(&obj->refcount))
			continue;

		mutex_unlock(lru->lock);

		if (dma_resv_trylock(obj->resv)) {
			if (my_obj_shrink(obj))
				freed++;
			dma_resv_unlock(obj->resv);
		}
		drm_gem_object_put(obj);

		mutex_lock(lru->lock);
	}
	list_splice_tail_init(&still, &lru->list);
	mutex_unlock(lru->lock);

	return freed;
}

/* A different reservation lock every iteration; contended ones are skipped. */
static unsigned long good_per_object_trylock(struct drm_gem_lru *lru)
{
	struct drm_gem_object *obj;
	unsigned long count = 0;

	mutex_lock(lru->lock);
	list_for_each_entry(obj, &lru->list, lru_node) {
		if (!dma_resv_trylock(obj->resv))
			continue;
		if (my_obj_is_purgeable(obj))
			count++;
		dma_resv_unlock(obj->resv);
	}
	mutex_unlock(lru->lock);

	return count;
}

/* Drain a list, dropping the spinlock around work that may sleep. */
static void good_drain_relock(struct my_device *mdev)
{
	struct my_gem_object *obj;

	spin_lock(&mdev->pending_lock);
	while (!list_empty(&mdev->pending)) {
		obj = list_first_entry(&mdev->pending, struct my_gem_object,
				       node);
		list_del_init(&obj->node);
		spin_unlock(&mdev->pending_lock);

		my_obj_release(obj);

		spin_lock(&mdev->pending_lock);
	}
	spin_unlock(&mdev->pending_lock);
}

/* Lock and unlock inside each iteration, unlocking before the break too. */
static int good_lock_per_iteration(struct my_device *mdev,
				   struct my_gem_object **objs, int n)
{
	int i, ret = 0;

	for (i = 0; i < n; i++) {
		mutex_lock(&mdev->lock);
		ret = my_dev_queue(mdev, objs[i]);
		if (ret) {
			mutex_unlock(&mdev->lock);
			break;
		}
		mdev->queued++;
		mutex_unlock(&mdev->lock);
		cond_resched();
	}
	return ret;
}

/*
 * Stopping the scan early leaves the loop while the LRU lock is dropped,
 * and the unlock after the loop then runs without it.
 */
static unsigned long bad_scan_break_unlocked(struct drm_gem_lru *lru,
					     unsigned int nr_to_scan)
{
	struct drm_gem_object *obj;
	unsigned long freed = 0;

	mutex_lock(lru->lock);
	while (freed < nr_to_scan) {
		obj = list_first_entry_or_null(&lru->list,
					       struct drm_gem_object, lru_node);
		if (!obj)
			break;

		list_move_tail(&obj->lru_node, &lru->list);
		if (!kref_get_unless_zero(&obj->refcount))
			continue;

		mutex_unlock(lru->lock);

		if (my_obj_shrink_wait(obj) < 0) {
			drm_gem_object_put(obj);
			break;
		}
		freed++;
		drm_gem_object_put(obj);

		mutex_lock(lru->lock);
	}
	mutex_unlock(lru->lock); /* expect: LC008 */

	return freed;
}

/*
 * `continue` skips the unlock: the next iteration locks a mutex it already
 * holds, and the loop can end with it held.
 */
static int bad_continue_keeps_lock(struct my_device *mdev,
				   struct my_gem_object **objs, int n)
{
	int i, queued = 0;

	for (i = 0; i < n; i++) {
		mutex_lock(&mdev->lock); /* expect: LC008 */
		if (!objs[i]->pages)
			continue;
		list_move_tail(&objs[i]->node, &mdev->active);
		mutex_unlock(&mdev->lock);
		queued++;
	}
	return queued; /* expect: LC008 */
}

/*
 * `continue` skips the relock: the next iteration unlocks a lock it does
 * not hold, and so may the unlock after the loop.
 */
static void bad_continue_without_relock(struct my_device *mdev)
{
	struct my_gem_object *obj;

	spin_lock(&mdev->pending_lock);
	while ((obj = my_dev_pop_pending(mdev))) {
		spin_unlock(&mdev->pending_lock); /* expect: LC008 */
		if (!my_obj_is_purgeable(&obj->base))
			continue;
		my_obj_release(obj);
		spin_lock(&mdev->pending_lock);
	}
	spin_unlock(&mdev->pending_lock); /* expect: LC008 */
}

/* An error breaks out of the loop with this iteration's lock still held. */
static int bad_break_with_lock_held(struct my_device *mdev,
				    struct my_gem_object **objs, int n)
{
	int i, ret = 0;

	for (i = 0; i < n; i++) {
		mutex_lock(&mdev->lock);
		ret = my_dev_queue(mdev, objs[i]);
		if (ret)
			break;
		mutex_unlock(&mdev->lock);
	}
	return ret; /* expect: LC008 */
}

struct my_gem_object *my_dev_obj(struct my_device *mdev, int i);
void *my_obj_pages(struct my_gem_object *obj);

/* Like the kernel's for_each_*_in_state() iterators: a cursor assigned in the test. */
#define my_for_each_obj(mdev, obj, i) \
	for ((i) = 0; (obj) = my_dev_obj(mdev, i), (i) < (mdev)->queued; (i)++)

/*
 * Two walks, each taking and dropping the lock once per object after a
 * row of filters.  The many paths through the filters are merged after a
 * while; a path that skipped the lock and one that dropped it agree that it
 * is not held, so the second walk does not take a held lock.
 */
static void good_filtered_walks(struct my_device *mdev)
{
	struct my_gem_object *obj;
	void *pages;
	int i;

	my_for_each_obj(mdev, obj, i) {
		if (obj->base.size == 0)
			my_obj_release(obj);
		pages = my_obj_pages(obj);
		mutex_lock(&mdev->lock);
		obj->pages = pages;
		mutex_unlock(&mdev->lock);
	}
	my_for_each_obj(mdev, obj, i) {
		pages = my_obj_pages(obj);
		if (!pages)
			continue;
		if (!obj->pages)
			continue;
		if (my_obj_is_purgeable(&obj->base))
			continue;
		if (obj->base.size == 0)
			continue;
		mutex_lock(&mdev->lock);
		obj->pages = NULL;
		mutex_unlock(&mdev->lock);
	}
}
