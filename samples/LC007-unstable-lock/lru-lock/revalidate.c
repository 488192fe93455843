/*
 * LC007: re-validating obj->lru after taking the lock found through it.
 *
 * When a lock can only be found through a pointer it protects, the
 * classic way out is: load the pointer without the lock, take the lock it
 * leads to, load the pointer again, now with the lock held, and compare.
 * If it changed in between, the lock held is the wrong one: drop it and
 * start over (or give up, if the object has left its LRU, someone else
 * did the work).  Only the second load counts; it is what lockcheck looks
 * for after the acquire.
 *
 * This is sound only while every LRU outlives the objects on it, as LRUs
 * embedded in a driver's private structure do.  It does not help against
 * an LRU that can vanish before the lock is taken, like the stack LRU of
 * the Linux 6.12 shrinker scan (scan-vs-release.c): taking lru->lock
 * already dereferences the stale pointer.
 *
 * Checking something else after the lock (whether the object is still
 * linked, whether the LRU is empty), or checking obj->lru again before
 * the lock, leaves the window open.
 */
#include "../../include/kernel-stubs.h"

/* Caller holds obj->lru->lock. */
static void reval_lru_remove_locked(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = obj->lru;

	list_del(&obj->lru_node);
	lru->count -= obj->size >> PAGE_SHIFT;
	WRITE_ONCE(obj->lru, NULL);
}

/* Load, lock, load again and compare; retry when the object moved. */
static void good_reval_lru_remove_retry(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru;

retry:
	lru = READ_ONCE(obj->lru);
	if (!lru)
		return;

	mutex_lock(lru->lock);
	if (unlikely(READ_ONCE(obj->lru) != lru)) {
		mutex_unlock(lru->lock);
		goto retry;
	}
	reval_lru_remove_locked(obj);
	mutex_unlock(lru->lock);
}

/* Give up when the object left the LRU: its new owner removed it. */
static void good_reval_lru_remove_bail(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return;

	mutex_lock(lru->lock);
	if (obj->lru == lru)
		reval_lru_remove_locked(obj);
	mutex_unlock(lru->lock);
}

/* The same with a scoped guard. */
static bool good_reval_lru_bump_guard(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return false;

	guard(mutex)(lru->lock);
	if (obj->lru != lru)
		return false;
	list_move_tail(&obj->lru_node, &lru->list);
	return true;
}

/* Re-checks that the object is still linked, not that it is linked here. */
static void bad_reval_checks_node(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return;

	mutex_lock(lru->lock); /* expect: LC007 */
	if (!list_empty(&obj->lru_node))
		reval_lru_remove_locked(obj);
	mutex_unlock(lru->lock);
}

/* Re-checks the LRU it already has, not the object's pointer to it. */
static void bad_reval_checks_count(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return;

	mutex_lock(lru->lock); /* expect: LC007 */
	if (lru->count)
		reval_lru_remove_locked(obj);
	mutex_unlock(lru->lock);
}

/* Re-checks obj->lru, but before taking the lock. */
static void bad_reval_checks_too_early(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru || READ_ONCE(obj->lru) != lru)
		return;

	mutex_lock(lru->lock); /* expect: LC007 */
	reval_lru_remove_locked(obj);
	mutex_unlock(lru->lock);
}
