/*
 * LC007: the first fix proposed for the drm_gem_lru_remove() races, marking
 * the lockless load, does not close them.
 *
 * The first fix proposed in the May 2026 thread turned the lockless load
 * of obj->lru into READ_ONCE() and kept the NULL check.  Together with
 * WRITE_ONCE() on the stores, as here, that is the right spelling of a
 * deliberate data race (no LC003, no LC004): the pointer is loaded once,
 * untorn, and the NULL check and the lock see the same value.  But that
 * value can be stale by the time the lock is taken.  Between the load and
 * mutex_lock() another thread can remove the object (obj->lru becomes
 * NULL), move it to another LRU, or, in the shrinker scan, put it back
 * from the scan's stack LRU and return, so that lru points into a dead
 * stack frame.  Marking the load changes none of that, and neither would
 * an acquire load.  The pointer can only be trusted once it has been read
 * again with the lock held, and then only if no LRU ever goes away under
 * its objects (revalidate.c), or once it is protected by a lock that is
 * not found through it, which is how the kernel fixed it (../final-fix/).
 */
#include "../../include/kernel-stubs.h"

/* Caller holds obj->lru->lock. */
static void once_lru_remove_locked(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = obj->lru;

	list_del(&obj->lru_node);
	lru->count -= obj->size >> PAGE_SHIFT;
	WRITE_ONCE(obj->lru, NULL);
}

/* Caller holds lru->lock, which is also the lock of obj's current LRU. */
static void once_lru_move_tail_locked(struct drm_gem_lru *lru,
				      struct drm_gem_object *obj)
{
	lockdep_assert_held_once(lru->lock);

	if (obj->lru)
		once_lru_remove_locked(obj);
	list_add_tail(&obj->lru_node, &lru->list);
	lru->count += obj->size >> PAGE_SHIFT;
	WRITE_ONCE(obj->lru, lru);
}

/* The proposed drm_gem_lru_remove(): marked load and NULL check only. */
static void bad_once_lru_remove(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return;

	mutex_lock(lru->lock); /* expect: LC007 */
	once_lru_remove_locked(obj);
	mutex_unlock(lru->lock);
}

/* The load in a statement of its own and a WARN on the lock pointer. */
static void bad_once_lru_remove_warn(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru;

	lru = READ_ONCE(obj->lru);
	if (!lru || WARN_ON(!lru->lock))
		return;

	mutex_lock(lru->lock); /* expect: LC007 */
	once_lru_remove_locked(obj);
	mutex_unlock(lru->lock);
}

/* Bumping an object to the tail of the LRU it is on, found the same way. */
static void bad_once_lru_bump(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return;

	mutex_lock(lru->lock); /* expect: LC007 */
	once_lru_move_tail_locked(lru, obj);
	mutex_unlock(lru->lock);
}

/* Moving to an LRU the caller names is fine: that lock is not found through obj->lru. */
static void good_once_lru_move_tail(struct drm_gem_lru *lru,
				    struct drm_gem_object *obj)
{
	mutex_lock(lru->lock);
	once_lru_move_tail_locked(lru, obj);
	mutex_unlock(lru->lock);
}
