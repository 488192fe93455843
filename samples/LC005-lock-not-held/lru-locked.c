/*
 * LC005: a driver's *_locked LRU update reached without the LRU lock.
 *
 * The shape of msm's LRU code (Linux 6.12, msm_gem.c): every LRU of the
 * driver is bound to one mutex, priv->lru_lock, by drm_gem_lru_init(), and
 * drm_gem_lru_move_tail_locked() asserts the LRU's lock
 * (lockdep_assert_held_once(lru->lock)).  The driver's own
 * my_lr_update_locked() calls it without taking the lock, so its callers
 * must hold priv->lru_lock: my_lr_update() and my_lr_unpin() do,
 * bad_lr_update_fast() does not.  The lock names differ (the requirement
 * is 'priv->active.lock', the held lock 'priv->lru_lock'); the binding is
 * what makes them the same mutex.
 */
#include "../include/kernel-stubs.h"

struct my_lr_private {
	struct mutex lru_lock;
	struct drm_gem_lru active;
	struct drm_gem_lru idle;
};

struct my_lr_bo {
	struct drm_gem_object base;
	int pin_count;
};

static void my_lr_init(struct my_lr_private *priv)
{
	mutex_init(&priv->lru_lock);
	drm_gem_lru_init(&priv->active, &priv->lru_lock);
	drm_gem_lru_init(&priv->idle, &priv->lru_lock);
}

/* Callers hold priv->lru_lock. */
static void my_lr_update_locked(struct drm_gem_object *obj)
{
	struct my_lr_private *priv = obj->dev->dev_private;
	struct my_lr_bo *bo = container_of(obj, struct my_lr_bo, base);

	if (bo->pin_count)
		drm_gem_lru_move_tail_locked(&priv->active, obj);
	else
		drm_gem_lru_move_tail_locked(&priv->idle, obj);
}

static void good_lr_update(struct drm_gem_object *obj)
{
	struct my_lr_private *priv = obj->dev->dev_private;

	mutex_lock(&priv->lru_lock);
	my_lr_update_locked(obj);
	mutex_unlock(&priv->lru_lock);
}

static void good_lr_unpin(struct drm_gem_object *obj)
{
	struct my_lr_private *priv = obj->dev->dev_private;
	struct my_lr_bo *bo = container_of(obj, struct my_lr_bo, base);

	mutex_lock(&priv->lru_lock);
	bo->pin_count--;
	my_lr_update_locked(obj);
	mutex_unlock(&priv->lru_lock);
}

/* "It's just a list move": but both LRUs change, under no lock. */
static void bad_lr_update_fast(struct drm_gem_object *obj)
{
	my_lr_update_locked(obj); /* expect: LC005 */
}

/* The drm_gem_lru helper that takes the lock itself needs none. */
static void good_lr_idle(struct my_lr_private *priv, struct drm_gem_object *obj)
{
	drm_gem_lru_move_tail(&priv->idle, obj);
}
