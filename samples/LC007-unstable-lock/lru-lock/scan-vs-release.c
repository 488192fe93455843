/*
 * LC007: the release path finds the LRU lock through obj->lru while a
 * shrinker scan has parked the object on an LRU that lives on its stack.
 *
 * An object's LRU is known only through obj->lru, and obj->lru is
 * protected by the lock of the LRU it points to.  So the remove path has
 * to read obj->lru before it holds any lock, and then lock lru->lock.
 *
 * The shrinker scan (drm_gem_lru_scan() in Linux 6.12) takes the lock,
 * moves each object it looks at onto a local "still in LRU" list that is a
 * struct drm_gem_lru on its own stack, and drops the lock while it tries
 * to shrink the object.  When it is done it moves the survivors back and
 * returns, and its stack LRU is gone.  An object whose last reference is
 * being dropped at the same time is skipped by the scan (the kref is
 * already zero) but stays on the stack LRU, and its release path runs:
 *
 *   release: lru = READ_ONCE(obj->lru)     == &still_in_lru (scan's stack)
 *   scan:    moves obj back onto lru, unlocks, returns
 *   release: mutex_lock(lru->lock)          reads a dead stack frame
 *
 * READ_ONCE() and the NULL check make the load a single, untorn load; they
 * do nothing about what the loaded pointer points to by the time the lock
 * is taken.  The plain load of Linux 6.12 is in addition an LC003.
 *
 * Not a bug: taking the lock of an LRU the caller names itself (the
 * destination of a move), which does not come from obj->lru.
 */
#include "../../include/kernel-stubs.h"

bool scan_shrink_one(struct drm_gem_object *obj);

/* Moves obj to the tail of lru; all LRUs involved share lru->lock. */
static void scan_lru_move_tail_locked(struct drm_gem_lru *lru,
				      struct drm_gem_object *obj)
{
	struct drm_gem_lru *old = obj->lru;

	lockdep_assert_held_once(lru->lock);

	if (old) {
		list_del(&obj->lru_node);
		old->count -= obj->size >> PAGE_SHIFT;
	}
	list_add_tail(&obj->lru_node, &lru->list);
	lru->count += obj->size >> PAGE_SHIFT;
	WRITE_ONCE(obj->lru, lru);
}

/* The other thread: objects wait on a stack LRU while the lock is dropped. */
static unsigned long scan_lru_scan(struct drm_gem_lru *lru,
				   unsigned int nr_to_scan,
				   unsigned long *remaining)
{
	struct drm_gem_lru still_in_lru;
	struct drm_gem_object *obj;
	unsigned long freed = 0;

	drm_gem_lru_init(&still_in_lru, lru->lock);

	mutex_lock(lru->lock);
	while (freed < nr_to_scan) {
		obj = list_first_entry_or_null(&lru->list,
					       struct drm_gem_object, lru_node);
		if (!obj)
			break;

		scan_lru_move_tail_locked(&still_in_lru, obj);

		/* Dying: its release path may be reading obj->lru right now. */
		if (!kref_get_unless_zero(&obj->refcount))
			continue;

		mutex_unlock(lru->lock);

		if (dma_resv_trylock(obj->resv)) {
			if (scan_shrink_one(obj))
				freed += obj->size >> PAGE_SHIFT;
			dma_resv_unlock(obj->resv);
		}
		drm_gem_object_put(obj);

		mutex_lock(lru->lock);
	}

	while ((obj = list_first_entry_or_null(&still_in_lru.list,
					       struct drm_gem_object, lru_node)))
		scan_lru_move_tail_locked(lru, obj);

	if (remaining)
		*remaining += still_in_lru.count;
	mutex_unlock(lru->lock);

	return freed;
}

/* The remove path of the release: marked load, NULL check, then the lock. */
static void bad_scan_gem_lru_remove(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return;

	mutex_lock(lru->lock); /* expect: LC007 */
	list_del(&obj->lru_node);
	lru->count -= obj->size >> PAGE_SHIFT;
	WRITE_ONCE(obj->lru, NULL);
	mutex_unlock(lru->lock);
}

/* The Linux 6.12 spelling: a plain load, so the value may even be reloaded. */
static void bad_scan_gem_lru_remove_plain(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = obj->lru; /* expect: LC003 */

	if (!lru)
		return;

	mutex_lock(lru->lock); /* expect: LC007 */
	list_del(&obj->lru_node);
	lru->count -= obj->size >> PAGE_SHIFT;
	WRITE_ONCE(obj->lru, NULL);
	mutex_unlock(lru->lock);
}

/* Moving to an LRU the caller names: its lock does not come from obj->lru. */
static void good_scan_lru_move_tail(struct drm_gem_lru *lru,
				    struct drm_gem_object *obj)
{
	mutex_lock(lru->lock);
	scan_lru_move_tail_locked(lru, obj);
	mutex_unlock(lru->lock);
}
