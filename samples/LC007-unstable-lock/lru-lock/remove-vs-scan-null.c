/*
 * LC007: two threads take an object off its LRU at the same time, and the
 * slower one follows an obj->lru that the faster one has cleared.
 *
 * Removing an object from its LRU unlinks it, subtracts its pages from the
 * LRU's count and sets obj->lru to NULL, all under the LRU's lock.  The
 * remove path cannot hold that lock while it reads obj->lru (the pointer
 * is what names the lock), so between its load and its mutex_lock()
 * another thread may remove the object:
 *
 *   A: lru = READ_ONCE(obj->lru)          != NULL
 *   B: mutex_lock(lru->lock); unlink; obj->lru = NULL; mutex_unlock()
 *   A: mutex_lock(lru->lock)               the lock is still fine ...
 *   A: null_lru_remove_locked(obj)         ... but obj->lru is NULL now
 *
 * A's NULL check was made on a value that was stale by the time it took
 * the lock; inside, the helper follows obj->lru again and dereferences
 * NULL, or, had B moved the object instead, edits an LRU whose lock A does
 * not hold.  With a plain load (Linux 6.12) the compiler may even load
 * obj->lru again after the NULL check, and then mutex_lock() itself
 * dereferences NULL.
 *
 * Not a bug: a remover that takes the lock of an LRU it already knows
 * (it is walking that LRU's list with the lock held).
 */
#include "../../include/kernel-stubs.h"

/* Caller holds obj->lru->lock. */
static void null_lru_remove_locked(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = obj->lru;

	list_del(&obj->lru_node);
	lru->count -= obj->size >> PAGE_SHIFT;
	WRITE_ONCE(obj->lru, NULL);
}

/* Thread B: empties an LRU it owns, clearing obj->lru of every object on it. */
static void good_null_lru_purge(struct drm_gem_lru *lru)
{
	struct drm_gem_object *obj;

	mutex_lock(lru->lock);
	while ((obj = list_first_entry_or_null(&lru->list,
					       struct drm_gem_object, lru_node))) {
		list_del_init(&obj->lru_node);
		lru->count -= obj->size >> PAGE_SHIFT;
		WRITE_ONCE(obj->lru, NULL);
	}
	mutex_unlock(lru->lock);
}

/* Thread A: the NULL check is on a value that may be stale once locked. */
static void bad_null_lru_remove(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return;

	mutex_lock(lru->lock); /* expect: LC007 */
	null_lru_remove_locked(obj);
	mutex_unlock(lru->lock);
}

/* Linux 6.12: a plain load, which the compiler may repeat after the test. */
static void bad_null_lru_remove_plain(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = obj->lru; /* expect: LC003 */

	if (!lru)
		return;

	mutex_lock(lru->lock); /* expect: LC007 */
	null_lru_remove_locked(obj);
	mutex_unlock(lru->lock);
}

/* The same race with the lock taken by a scoped guard. */
static bool bad_null_lru_remove_guard(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return false;

	guard(mutex)(lru->lock); /* expect: LC007 */
	null_lru_remove_locked(obj);
	return true;
}
