/*
 * LC006: a GEM object moved between LRUs that have different locks.
 *
 * A struct drm_gem_lru does not own a mutex: drm_gem_lru_init(lru, lock)
 * points it at one.  drm_gem_lru_move_tail_locked(dst, obj) asserts
 * dst->lock and then unlinks obj from the LRU it is on, changing that
 * LRU's list and page count as well.  So every LRU an object can move
 * between must use the same mutex (msm binds all of its LRUs to
 * priv->lru.lock).  This driver gives its "active" and "purgeable" LRUs a
 * mutex each: moving a purgeable object to the active LRU under the active
 * lock edits the purgeable LRU under the wrong lock.  Each such move is
 * reported, naming both locks and both drm_gem_lru_init() calls.
 *
 * Not a bug: the same moves in a driver whose LRUs share one mutex
 * (my_lf_good_private below).
 */
#include "../include/kernel-stubs.h"

struct my_lf_private {
	struct mutex active_lock;
	struct mutex purge_lock;
	struct drm_gem_lru active;
	struct drm_gem_lru purgeable;
};

static void my_lf_init(struct my_lf_private *priv)
{
	mutex_init(&priv->active_lock);
	mutex_init(&priv->purge_lock);
	drm_gem_lru_init(&priv->active, &priv->active_lock);
	drm_gem_lru_init(&priv->purgeable, &priv->purge_lock);
}

static void bad_lf_make_active(struct my_lf_private *priv, struct drm_gem_object *obj)
{
	mutex_lock(&priv->active_lock);
	drm_gem_lru_move_tail_locked(&priv->active, obj); /* expect: LC006 */
	mutex_unlock(&priv->active_lock);
}

static void bad_lf_make_purgeable(struct my_lf_private *priv, struct drm_gem_object *obj)
{
	mutex_lock(&priv->purge_lock);
	drm_gem_lru_move_tail_locked(&priv->purgeable, obj); /* expect: LC006 */
	mutex_unlock(&priv->purge_lock);
}

/* One mutex for both LRUs: objects move freely. */
struct my_lf_good_private {
	struct mutex lru_lock;
	struct drm_gem_lru active;
	struct drm_gem_lru purgeable;
};

static void my_lf_good_init(struct my_lf_good_private *priv)
{
	mutex_init(&priv->lru_lock);
	drm_gem_lru_init(&priv->active, &priv->lru_lock);
	drm_gem_lru_init(&priv->purgeable, &priv->lru_lock);
}

static void good_lf_make_active(struct my_lf_good_private *priv, struct drm_gem_object *obj)
{
	mutex_lock(&priv->lru_lock);
	drm_gem_lru_move_tail_locked(&priv->active, obj);
	mutex_unlock(&priv->lru_lock);
}

static void good_lf_make_purgeable(struct my_lf_good_private *priv, struct drm_gem_object *obj)
{
	mutex_lock(&priv->lru_lock);
	drm_gem_lru_move_tail_locked(&priv->purgeable, obj);
	mutex_unlock(&priv->lru_lock);
}
