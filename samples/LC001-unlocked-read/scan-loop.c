/*
 * LC001: LRU state read while a shrinker scan has dropped the LRU lock.
 *
 * A GEM shrinker scan (drm_gem_lru_scan() and the drivers built on it)
 * takes the LRU lock, picks the first object off lru->list, takes a
 * reference, and drops the lock for the slow part: trylocking the object's
 * reservation and releasing its backing pages.  It takes the lock again
 * before the next iteration.  While the LRU lock is dropped, other threads
 * move objects between LRUs and add or remove them, so obj->lru, lru->list
 * and lru->count may change under the scan: they are guarded by the LRU
 * lock, not by the object reference or the reservation lock.  A decision
 * taken on such a read is stale before it is used.
 *
 * Not a bug: reading LRU state before the unlock or after the relock, and
 * using only what the reference and the reservation lock protect (the
 * object's size and backing pages) while the LRU lock is dropped.
 */
#include "../include/kernel-stubs.h"

bool my_scan_shrink(struct drm_gem_object *obj);

/*
 * The usual shape: LRU state is touched only with the lock held; skipped
 * objects are parked on a local list and put back before the final unlock.
 */
static unsigned long good_scan_relock(struct drm_gem_lru *lru,
				      unsigned long nr_to_scan)
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
			if (my_scan_shrink(obj))
				freed += obj->size >> PAGE_SHIFT;
			dma_resv_unlock(obj->resv);
		}
		drm_gem_object_put(obj);

		mutex_lock(lru->lock);
	}
	list_splice_tail_init(&still, &lru->list);
	mutex_unlock(lru->lock);

	return freed;
}

/* The pages left on the LRU are sampled before the final unlock. */
static unsigned long good_scan_remaining_before_unlock(struct drm_gem_lru *lru,
						       unsigned long nr_to_scan,
						       unsigned long *remaining)
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
		if (my_scan_shrink(obj))
			freed += obj->size >> PAGE_SHIFT;
		drm_gem_object_put(obj);
		mutex_lock(lru->lock);
	}
	list_splice_tail_init(&still, &lru->list);
	*remaining = lru->count;
	mutex_unlock(lru->lock);

	return freed;
}

/*
 * "Is it still on this LRU?" is asked while the LRU lock is dropped.  The
 * reservation lock held here does not protect obj->lru: another thread
 * can be moving the object to another LRU at that very moment.
 */
static unsigned long bad_scan_checks_lru_unlocked(struct drm_gem_lru *lru,
						  unsigned long nr_to_scan,
						  unsigned long *remaining)
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
			if (my_scan_shrink(obj))
				freed += obj->size >> PAGE_SHIFT;
			else if (obj->lru == lru) /* expect: LC001 */
				*remaining += obj->size >> PAGE_SHIFT;
			dma_resv_unlock(obj->resv);
		}
		drm_gem_object_put(obj);

		mutex_lock(lru->lock);
	}
	list_splice_tail_init(&still, &lru->list);
	mutex_unlock(lru->lock);

	return freed;
}

/*
 * The pages left on the LRU are reported after the final unlock, when
 * other threads may already be adding and removing objects.
 */
static unsigned long bad_scan_remaining_after_unlock(struct drm_gem_lru *lru,
						     unsigned long nr_to_scan,
						     unsigned long *remaining)
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
		if (my_scan_shrink(obj))
			freed += obj->size >> PAGE_SHIFT;
		drm_gem_object_put(obj);
		mutex_lock(lru->lock);
	}
	list_splice_tail_init(&still, &lru->list);
	mutex_unlock(lru->lock);

	*remaining = lru->count; /* expect: LC001 */
	return freed;
}
