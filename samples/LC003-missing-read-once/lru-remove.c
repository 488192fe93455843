/*
 * LC003: a lockless load whose value finds the lock.
 *
 * drm_gem_lru_remove() cannot take the LRU's lock before it knows which
 * LRU the object is on, and it learns that by reading obj->lru, a field
 * protected by that very lock.  The load is lockless on purpose, so it
 * must be READ_ONCE(): a plain load may be torn or repeated by the
 * compiler, and the NULL test and mutex_lock(lru->lock) may then look at
 * two different values (the second one NULL after a concurrent removal).
 *
 * READ_ONCE() makes the load a single load; it does not stop the object
 * from moving to another LRU before the lock is taken.  So every function
 * here checks obj->lru again once it holds the lock (forgetting that is
 * LC007).  The stores are WRITE_ONCE(), because a field that is read
 * without its lock must be written with marked stores (LC004).
 *
 * The same holds for a driver's own objects whose lock is found through a
 * guarded pointer: a buffer object's vm pointer, guarded by vm->lock.
 */
#include "../include/kernel-stubs.h"

struct my_vm {
	struct mutex lock;
	struct list_head bos;
};

struct my_vm_bo {
	struct drm_gem_object base;
	struct my_vm *vm __guarded_by(&vm->lock);
	struct list_head vm_node __guarded_by(&vm->lock);
};

/* The plain load of obj->lru may be reloaded after the NULL test. */
static void bad_gem_lru_remove(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = obj->lru; /* expect: LC003 */

	if (!lru)
		return;

	mutex_lock(lru->lock);
	if (obj->lru == lru) {
		list_del(&obj->lru_node);
		lru->count -= obj->size;
		WRITE_ONCE(obj->lru, NULL);
	}
	mutex_unlock(lru->lock);
}

/* drm_gem_lru_remove() done right: one marked load, re-checked under the lock. */
static void good_gem_lru_remove(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru = READ_ONCE(obj->lru);

	if (!lru)
		return;

	mutex_lock(lru->lock);
	if (obj->lru == lru) {
		list_del(&obj->lru_node);
		lru->count -= obj->size;
		WRITE_ONCE(obj->lru, NULL);
	}
	mutex_unlock(lru->lock);
}

/* The same shape with the load in a statement of its own. */
static bool bad_gem_lru_bump(struct drm_gem_object *obj)
{
	struct drm_gem_lru *lru;
	bool moved = false;

	lru = obj->lru; /* expect: LC003 */
	if (!lru)
		return false;

	mutex_lock(lru->lock);
	if (obj->lru == lru) {
		list_move_tail(&obj->lru_node, &lru->list);
		moved = true;
	}
	mutex_unlock(lru->lock);
	return moved;
}

/* A driver's own object: bo->vm finds vm->lock. */
static void bad_vm_bo_detach(struct my_vm_bo *bo)
{
	struct my_vm *vm = bo->vm; /* expect: LC003 */

	if (!vm)
		return;

	mutex_lock(&vm->lock);
	if (bo->vm == vm) {
		list_del_init(&bo->vm_node);
		WRITE_ONCE(bo->vm, NULL);
	}
	mutex_unlock(&vm->lock);
}

static void good_vm_bo_detach(struct my_vm_bo *bo)
{
	struct my_vm *vm = READ_ONCE(bo->vm);

	if (!vm)
		return;

	mutex_lock(&vm->lock);
	if (bo->vm == vm) {
		list_del_init(&bo->vm_node);
		WRITE_ONCE(bo->vm, NULL);
	}
	mutex_unlock(&vm->lock);
}
