/*
 * LC002: GEM LRU count updates outside the LRU lock.
 *
 * A struct drm_gem_lru keeps its list and a page count (lru->count) that
 * must agree: the shrinker's count_objects() reports the count, and
 * drm_gem_lru_remove() warns when it goes negative.  Both are guarded by
 * the mutex lru->lock points to (often one mutex shared by all of a
 * driver's LRUs).  A `+=`, `-=` or `=` on lru->count without that mutex
 * races with the drm_gem_lru helpers on other CPUs: one of two concurrent
 * read-modify-writes is lost, or a stale total overwrites a newer one.
 * Holding some other lock, such as the driver's device mutex, does not
 * help, since the helpers and the shrinker never take it.
 *
 * Not a bug: updating the count in the same critical section as the list,
 * with mutex_lock(lru->lock) or guard(mutex)(lru->lock), or in a helper
 * that asserts the lock with lockdep_assert_held().
 */
#include "../include/kernel-stubs.h"

struct my_lh_device {
	struct mutex lock;
	int num_pinned;
};

long my_lh_count_pages(struct drm_gem_lru *lru);

/* List and count change together under the LRU lock. */
static void good_lru_add_tail(struct drm_gem_lru *lru,
			      struct drm_gem_object *obj)
{
	mutex_lock(lru->lock);
	list_add_tail(&obj->lru_node, &lru->list);
	lru->count += obj->size >> PAGE_SHIFT;
	mutex_unlock(lru->lock);
}

/* guard() holds the lock to the end of the function. */
static void good_lru_guard_remove(struct drm_gem_lru *lru,
				  struct drm_gem_object *obj)
{
	guard(mutex)(lru->lock);
	list_del_init(&obj->lru_node);
	lru->count -= obj->size >> PAGE_SHIFT;
}

/* A helper for callers that already hold the lock, and says so. */
static void good_lru_uncount_asserted(struct drm_gem_lru *lru, long npages)
{
	lockdep_assert_held(lru->lock);
	lru->count -= npages;
}

/* Recompute the count from the list and store it before unlocking. */
static void good_lru_recount(struct drm_gem_lru *lru)
{
	long count;

	mutex_lock(lru->lock);
	count = my_lh_count_pages(lru);
	lru->count = count;
	mutex_unlock(lru->lock);
}

/*
 * The recomputed count is stored after the unlock: an object added or
 * removed in between is on the list but missing from the count (or the
 * other way round), and a later removal can drive the count negative.
 */
static void bad_lru_recount_store_unlocked(struct drm_gem_lru *lru)
{
	long count;

	mutex_lock(lru->lock);
	count = my_lh_count_pages(lru);
	mutex_unlock(lru->lock);
	lru->count = count; /* expect: LC002 */
}

/* The accounting was hoisted above the lock it belongs under. */
static void bad_lru_count_before_lock(struct drm_gem_lru *lru,
				      struct drm_gem_object *obj)
{
	lru->count += obj->size >> PAGE_SHIFT; /* expect: LC002 */
	mutex_lock(lru->lock);
	list_add_tail(&obj->lru_node, &lru->list);
	mutex_unlock(lru->lock);
}

/*
 * Pinning is serialised by the device mutex, but the LRU helpers and the
 * shrinker take only the LRU lock, so they race with this update.
 */
static void bad_lru_count_under_dev_lock(struct my_lh_device *mdev,
					 struct drm_gem_lru *pinned,
					 struct drm_gem_object *obj)
{
	mutex_lock(&mdev->lock);
	list_add_tail(&obj->lru_node, &pinned->list);
	pinned->count += obj->size >> PAGE_SHIFT; /* expect: LC002 */
	mdev->num_pinned++;
	mutex_unlock(&mdev->lock);
}
