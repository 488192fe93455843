/*
 * LC008: rw_semaphores, wound/wait mutexes, reservation locks and RCU.
 *
 * The balance rules are the same for every kind of lock; only the calls
 * differ.  down_read()/up_read() and down_write()/up_write() are one lock:
 * a reader cannot upgrade by calling down_write() (it waits for itself).
 * ww_mutex_lock() and dma_resv_lock() with an acquire context return 0
 * when they took the lock and -EDEADLK/-EALREADY when they did not; with a
 * NULL context dma_resv_lock() simply locks.  rcu_read_lock() is a
 * context: every rcu_read_unlock() must match one, so unlocking twice on
 * an error path is the same bug as a double mutex_unlock().
 *
 * Spinlock and rwlock variants are in kinds-spinlock.c.
 */
#include "../include/kernel-stubs.h"

struct my_device {
	struct rw_semaphore objects_sem;
	struct list_head objects;
	struct ww_class *ww_class;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct ww_mutex lock;
	struct list_head node;
};

struct my_gem_object *my_find(struct my_device *mdev, u32 handle);
struct my_gem_object *my_find_rcu(struct my_device *mdev, u32 handle);
void my_obj_swap_backing(struct my_gem_object *a, struct my_gem_object *b);
void my_obj_update_fences(struct my_gem_object *obj);
struct dma_fence *my_obj_fence(struct my_gem_object *obj);

/* Look up under the read side; insert under the write side. */
static struct my_gem_object *good_rwsem_lookup_or_insert(struct my_device *mdev,
							 u32 handle,
							 struct my_gem_object *new)
{
	struct my_gem_object *obj;

	down_read(&mdev->objects_sem);
	obj = my_find(mdev, handle);
	up_read(&mdev->objects_sem);
	if (obj)
		return obj;

	down_write(&mdev->objects_sem);
	obj = my_find(mdev, handle);
	if (!obj) {
		list_add_tail(&new->node, &mdev->objects);
		obj = new;
	}
	up_write(&mdev->objects_sem);
	return obj;
}

/* Two ww_mutexes under one acquire context, with an unwind ladder. */
static int good_ww_lock_pair(struct my_device *mdev,
			     struct my_gem_object *a, struct my_gem_object *b)
{
	struct ww_acquire_ctx ctx;
	int ret;

	ww_acquire_init(&ctx, mdev->ww_class);

	ret = ww_mutex_lock(&a->lock, &ctx);
	if (ret)
		goto out_fini;

	ret = ww_mutex_lock(&b->lock, &ctx);
	if (ret)
		goto out_unlock_a;

	ww_acquire_done(&ctx);
	my_obj_swap_backing(a, b);
	ww_mutex_unlock(&b->lock);
out_unlock_a:
	ww_mutex_unlock(&a->lock);
out_fini:
	ww_acquire_fini(&ctx);
	return ret;
}

/* Without an acquire context dma_resv_lock() cannot fail. */
static void good_resv_lock_no_ctx(struct my_gem_object *obj)
{
	dma_resv_lock(obj->base.resv, NULL);
	my_obj_update_fences(obj);
	dma_resv_unlock(obj->base.resv);
}

/* An RCU read-side section with an early exit that ends it first. */
static bool good_rcu_get_unless_zero(struct my_device *mdev, u32 handle)
{
	struct my_gem_object *obj;
	bool found;

	rcu_read_lock();
	obj = my_find_rcu(mdev, handle);
	if (!obj) {
		rcu_read_unlock();
		return false;
	}
	found = kref_get_unless_zero(&obj->base.refcount);
	rcu_read_unlock();
	return found;
}

/* The not-found branch ends the RCU section and then jumps to a 2nd end. */
static int bad_rcu_double_unlock(struct my_device *mdev, u32 handle)
{
	struct my_gem_object *obj;
	int ret = 0;

	rcu_read_lock();
	obj = my_find_rcu(mdev, handle);
	if (!obj) {
		rcu_read_unlock();
		ret = -ENOENT;
		goto out;
	}
	if (!kref_get_unless_zero(&obj->base.refcount))
		ret = -ENOENT;
out:
	rcu_read_unlock(); /* expect: LC008 */
	return ret;
}

/*
 * "Upgrading" a read lock: down_write() waits for our own reader and never
 * returns; the insert path then drops the read side a second time.
 */
static struct my_gem_object *bad_rwsem_upgrade_in_place(struct my_device *mdev,
							u32 handle,
							struct my_gem_object *new)
{
	struct my_gem_object *obj;

	down_read(&mdev->objects_sem);
	obj = my_find(mdev, handle);
	if (!obj) {
		down_write(&mdev->objects_sem); /* expect: LC008 */
		list_add_tail(&new->node, &mdev->objects);
		up_write(&mdev->objects_sem);
		obj = new;
	}
	up_read(&mdev->objects_sem); /* expect: LC008 */
	return obj;
}

/* -EDEADLK on b jumps to the label that unlocks b, which was not taken. */
static int bad_ww_unlock_contended(struct my_device *mdev,
				   struct my_gem_object *a,
				   struct my_gem_object *b)
{
	struct ww_acquire_ctx ctx;
	int ret;

	ww_acquire_init(&ctx, mdev->ww_class);

	ret = ww_mutex_lock(&a->lock, &ctx);
	if (ret)
		goto out_fini;

	ret = ww_mutex_lock(&b->lock, &ctx);
	if (ret)
		goto out_unlock_b;

	ww_acquire_done(&ctx);
	my_obj_swap_backing(a, b);
out_unlock_b:
	ww_mutex_unlock(&b->lock); /* expect: LC008 */
	ww_mutex_unlock(&a->lock);
out_fini:
	ww_acquire_fini(&ctx);
	return ret;
}

/* The error branch unlocks the reservation, then jumps to a second unlock. */
static int bad_resv_unlock_twice(struct my_gem_object *obj)
{
	int ret;

	ret = dma_resv_lock_interruptible(obj->base.resv, NULL);
	if (ret)
		return ret;

	ret = dma_resv_reserve_fences(obj->base.resv, 1);
	if (ret) {
		dma_resv_unlock(obj->base.resv);
		goto out;
	}
	dma_resv_add_fence(obj->base.resv, my_obj_fence(obj), 0);
out:
	dma_resv_unlock(obj->base.resv); /* expect: LC008 */
	return ret;
}
