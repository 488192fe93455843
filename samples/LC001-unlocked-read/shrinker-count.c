/*
 * LC001: a shrinker's count_objects callback reading LRU counts.
 *
 * count_objects() is called by reclaim, often, from any context that
 * allocates memory, and should be cheap.  lru->count is guarded by the
 * LRU lock like the list it counts: drm_gem_lru_move_tail() and
 * drm_gem_lru_remove() update both together under that lock.  A plain
 * read of the count without the lock races with those updates; the
 * compiler may tear, repeat or cache the load.
 *
 * Not a bug: taking the LRU lock with mutex_trylock() and reporting 0
 * (nothing to do right now) when it is contended, so that reclaim never
 * sleeps on a lock that may be held by an allocating thread; or keeping a
 * driver-side page counter that is written with WRITE_ONCE() under the
 * lock and read with READ_ONCE() where an approximate value is enough.
 */
#include "../include/kernel-stubs.h"

struct my_shrink_priv {
	struct mutex lru_lock;
	struct drm_gem_lru willneed;
	struct drm_gem_lru dontneed;
	/* read locklessly by count_objects, hence the marked accesses */
	long purgeable_pages __guarded_by(&lru_lock);
	bool can_swap;
	struct shrinker *shrinker;
};

unsigned long my_shrink_count_purgeable(struct drm_gem_lru *lru);

/* Both LRU counts read with no lock held. */
static unsigned long bad_count_objects_plain(struct shrinker *shrinker,
					     struct shrink_control *sc)
{
	struct my_shrink_priv *priv = shrinker->private_data;
	unsigned long count;

	count = priv->dontneed.count; /* expect: LC001 */
	if (priv->can_swap)
		count += priv->willneed.count; /* expect: LC001 */

	return count ? count : SHRINK_EMPTY;
}

/*
 * Counts exactly when the lock is free, but falls back to an unlocked read
 * of the LRU total when it is contended.
 */
static unsigned long bad_count_contended_fallback(struct shrinker *shrinker,
						  struct shrink_control *sc)
{
	struct drm_gem_lru *lru = shrinker->private_data;
	unsigned long count;

	if (!mutex_trylock(lru->lock))
		return lru->count; /* expect: LC001 */

	count = my_shrink_count_purgeable(lru);
	mutex_unlock(lru->lock);

	return count ? count : SHRINK_EMPTY;
}

/* Contended: report nothing to do now; reclaim asks again later. */
static unsigned long good_count_objects_trylock(struct shrinker *shrinker,
						struct shrink_control *sc)
{
	struct drm_gem_lru *lru = shrinker->private_data;
	unsigned long count;

	if (!mutex_trylock(lru->lock))
		return 0;
	count = lru->count;
	mutex_unlock(lru->lock);

	return count ? count : SHRINK_EMPTY;
}

/* The writer side of the lockless counter: marked store under the lock. */
static void good_purgeable_account(struct my_shrink_priv *priv, long npages)
{
	mutex_lock(&priv->lru_lock);
	WRITE_ONCE(priv->purgeable_pages, priv->purgeable_pages + npages);
	mutex_unlock(&priv->lru_lock);
}

/* An approximate count is fine here, and the load says so. */
static unsigned long good_count_objects_marked(struct shrinker *shrinker,
					       struct shrink_control *sc)
{
	struct my_shrink_priv *priv = shrinker->private_data;
	long count = READ_ONCE(priv->purgeable_pages);

	return count > 0 ? (unsigned long)count : SHRINK_EMPTY;
}
