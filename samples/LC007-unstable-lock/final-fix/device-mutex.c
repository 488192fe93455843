/*
 * LC007, fixed: one LRU mutex per device, taken before obj->lru is read.
 *
 * The fix that went into the kernel for the drm_gem_lru_remove() races
 * (May 2026) stops finding the lock through obj->lru altogether.  The
 * device gets one mutex, dev->gem_lru_mutex, that protects the LRU
 * membership (obj->lru and obj->lru_node) of all its GEM objects.  The
 * remove path reaches it through obj->dev, which does not change while
 * the object exists, takes it, and only then reads obj->lru.  The shrinker
 * scan still parks objects on an LRU on its stack and still drops the
 * mutex in its loop, but it retakes the mutex to move them back before it
 * returns, so a remover holding the mutex never sees a vanished LRU, and
 * an obj->lru read under the mutex is never stale.
 *
 * lockcheck switches to this model when the code takes a lock field named
 * gem_lru_mutex, for the whole run: that is why this directory holds only
 * code of the fixed tree (the Linux 6.12 locking is in ../lru-lock/).
 * Then an unlocked read of obj->lru is an ordinary LC001, and no lock is
 * found through a pointer it protects, so LC007 has nothing to report.
 *
 * The stub header's struct drm_device is the 6.12 one, so the samples
 * reach the new mutex through struct drm_device_gem_lru_fix, the device as
 * the fixed tree has it; in the kernel this is plain obj->dev->gem_lru_mutex.
 */
#include "../../include/kernel-stubs.h"

bool dev_shrink_one(struct drm_gem_object *obj);

/* Caller holds obj->dev->gem_lru_mutex. */
static void dev_lru_remove_locked(struct drm_gem_object *obj)
{
	struct drm_device_gem_lru_fix *dev = (void *)obj->dev;
	struct drm_gem_lru *lru = obj->lru;

	lockdep_assert_held(&dev->gem_lru_mutex);

	list_del(&obj->lru_node);
	lru->count -= obj->size >> PAGE_SHIFT;
	obj->lru = NULL;
}

/* Caller holds obj->dev->gem_lru_mutex, which also covers lru. */
static void dev_lru_move_tail_locked(struct drm_gem_lru *lru,
				     struct drm_gem_object *obj)
{
	struct drm_device_gem_lru_fix *dev = (void *)obj->dev;

	lockdep_assert_held(&dev->gem_lru_mutex);

	if (obj->lru)
		dev_lru_remove_locked(obj);
	list_add_tail(&obj->lru_node, &lru->list);
	lru->count += obj->size >> PAGE_SHIFT;
	obj->lru = lru;
}

/* drm_gem_lru_remove(), fixed: the lock first, then obj->lru. */
static void good_dev_lru_remove(struct drm_gem_object *obj)
{
	struct drm_device_gem_lru_fix *dev = (void *)obj->dev;

	mutex_lock(&dev->gem_lru_mutex);
	if (obj->lru)
		dev_lru_remove_locked(obj);
	mutex_unlock(&dev->gem_lru_mutex);
}

static void good_dev_lru_move_tail(struct drm_gem_lru *lru,
				   struct drm_gem_object *obj)
{
	struct drm_device_gem_lru_fix *dev = (void *)obj->dev;

	mutex_lock(&dev->gem_lru_mutex);
	dev_lru_move_tail_locked(lru, obj);
	mutex_unlock(&dev->gem_lru_mutex);
}

/* The scan keeps its stack LRU and drops the mutex while shrinking. */
static unsigned long good_dev_lru_scan(struct drm_device_gem_lru_fix *dev,
				       struct drm_gem_lru *lru,
				       unsigned int nr_to_scan)
{
	struct drm_gem_lru still_in_lru;
	struct drm_gem_object *obj;
	unsigned long freed = 0;

	drm_gem_lru_init(&still_in_lru, &dev->gem_lru_mutex);

	mutex_lock(&dev->gem_lru_mutex);
	while (freed < nr_to_scan) {
		obj = list_first_entry_or_null(&lru->list,
					       struct drm_gem_object, lru_node);
		if (!obj)
			break;

		dev_lru_move_tail_locked(&still_in_lru, obj);
		if (!kref_get_unless_zero(&obj->refcount))
			continue;

		mutex_unlock(&dev->gem_lru_mutex);
		if (dma_resv_trylock(obj->resv)) {
			if (dev_shrink_one(obj))
				freed += obj->size >> PAGE_SHIFT;
			dma_resv_unlock(obj->resv);
		}
		drm_gem_object_put(obj);
		mutex_lock(&dev->gem_lru_mutex);
	}

	while ((obj = list_first_entry_or_null(&still_in_lru.list,
					       struct drm_gem_object, lru_node)))
		dev_lru_move_tail_locked(lru, obj);
	mutex_unlock(&dev->gem_lru_mutex);

	return freed;
}

/* Asking which LRU an object is on still needs the mutex. */
static bool bad_dev_lru_is_on(struct drm_gem_object *obj,
			      struct drm_gem_lru *lru)
{
	return obj->lru == lru; /* expect: LC001 */
}

static bool good_dev_lru_is_on(struct drm_gem_object *obj,
			       struct drm_gem_lru *lru)
{
	struct drm_device_gem_lru_fix *dev = (void *)obj->dev;
	bool on;

	mutex_lock(&dev->gem_lru_mutex);
	on = obj->lru == lru;
	mutex_unlock(&dev->gem_lru_mutex);
	return on;
}
