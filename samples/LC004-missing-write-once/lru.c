/*
 * LC004: stores to the GEM LRU fields that are read without the lock.
 *
 * drm_gem_lru_remove() reads obj->lru without any lock, because the
 * pointer is what tells it which lock to take, and a shrinker's count
 * callback reads an LRU's count without the lock because an estimate is
 * all it needs.  Both reads are READ_ONCE().  Every store to those fields
 * must then be WRITE_ONCE(), even the stores made with lru->lock held: the
 * lock orders the writers among themselves, not against a reader that
 * does not take it, and a plain store may be torn or split.
 *
 * lockcheck offers WRITE_ONCE(lhs, value) as the fix for plain "lhs =
 * value" stores.  Read-modify-write stores (+=, ++) need the value
 * spelled out, WRITE_ONCE(x, x + n), so they get no automatic fix.
 */
#include "../include/kernel-stubs.h"

struct my_drm_private {
	struct mutex lru_lock;
	struct drm_gem_lru willneed;
	struct drm_gem_lru dontneed;
};

/* The lockless readers. */
static void good_lru_remove(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return;

	mutex_lock(lru->lock);
	if (obj->lru == lru) {
		list_del(&obj->lru_node);
		WRITE_ONCE(lru->count, lru->count - obj->size);
		WRITE_ONCE(obj->lru, NULL);
	}
	mutex_unlock(lru->lock);
}

static unsigned long good_shrinker_count(struct my_drm_private *priv)
{
	return READ_ONCE(priv->dontneed.count);
}

/* A plain store of obj->lru under the lock, and a read-modify-write of count. */
static void bad_lru_remove(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return;

	mutex_lock(lru->lock);
	if (obj->lru == lru) {
		list_del(&obj->lru_node);
		lru->count -= obj->size; /* expect: LC004 */
		obj->lru = NULL; /* expect: LC004 */
	}
	mutex_unlock(lru->lock);
}

/* Emptying an LRU: the count is reset with a plain store. */
static void bad_lru_reset(struct my_drm_private *priv)
{
	mutex_lock(&priv->lru_lock);
	INIT_LIST_HEAD(&priv->dontneed.list);
	priv->dontneed.count = 0; /* expect: LC004 */
	mutex_unlock(&priv->lru_lock);
}

static void good_lru_reset(struct my_drm_private *priv)
{
	mutex_lock(&priv->lru_lock);
	INIT_LIST_HEAD(&priv->dontneed.list);
	WRITE_ONCE(priv->dontneed.count, 0);
	mutex_unlock(&priv->lru_lock);
}

/* Set up before the LRUs are visible to anyone: plain stores are fine. */
static void good_lru_private_init(struct my_drm_private *priv)
{
	mutex_init(&priv->lru_lock);
	drm_gem_lru_init(&priv->willneed, &priv->lru_lock);
	drm_gem_lru_init(&priv->dontneed, &priv->lru_lock);
	priv->willneed.count = 0;
	priv->dontneed.count = 0;
}

/*
 * A *_locked helper runs with the caller holding lru->lock, like
 * drm_gem_lru_move_tail_locked().  Its store is under the lock, but it
 * still races with the lockless reader in good_lru_remove(): LC004.
 */
static void my_lru_add_locked(struct drm_gem_lru *lru, struct drm_gem_object *obj)
{
	lockdep_assert_held(lru->lock);
	list_add_tail(&obj->lru_node, &lru->list);
	WRITE_ONCE(lru->count, lru->count + obj->size);
	obj->lru = lru; /* expect: LC004 */
}

static void good_lru_add(struct drm_gem_lru *lru, struct drm_gem_object *obj)
{
	mutex_lock(lru->lock);
	my_lru_add_locked(lru, obj);
	mutex_unlock(lru->lock);
}
