/*
 * LC001: fields whose guard comes from a lock spec (spec.yaml here).
 *
 * Code that predates __guarded_by() states its locking in comments, or
 * not at all.  A YAML spec given with --spec says it once for the
 * analysis: here a GPU VM keeps its buffer objects on per-state lists
 * (evicted, moved, idle) that are guarded by the VM's status_lock
 * spinlock, while the VM's mutex serialises page table updates.  Holding
 * the mutex does not make the state lists safe to walk: BOs are moved
 * between them from eviction and fence callbacks that take only the
 * spinlock.  Walking a list head (list_for_each_entry(),
 * list_first_entry_or_null()) reads it.
 *
 * Not a bug: walking or peeking at a state list with status_lock held,
 * by hand or with guard(spinlock).
 */
#include "../include/kernel-stubs.h"

struct my_spec_bo {
	struct list_head vm_status;
	u64 size;
};

struct my_spec_vm {
	struct mutex lock;
	spinlock_t status_lock;
	struct list_head evicted;
	struct list_head moved;
	struct list_head idle;
};

void my_spec_bo_validate(struct my_spec_bo *bo);

/* Sum the evicted BOs with the status lock held. */
static u64 good_spec_sum_evicted(struct my_spec_vm *vm)
{
	struct my_spec_bo *bo;
	u64 total = 0;

	spin_lock(&vm->status_lock);
	list_for_each_entry(bo, &vm->evicted, vm_status)
		total += bo->size;
	spin_unlock(&vm->status_lock);

	return total;
}

/* guard(spinlock) covers the peek and the move off the list. */
static struct my_spec_bo *good_spec_take_moved(struct my_spec_vm *vm)
{
	struct my_spec_bo *bo;

	guard(spinlock)(&vm->status_lock);
	bo = list_first_entry_or_null(&vm->moved, struct my_spec_bo,
				      vm_status);
	if (bo)
		list_del_init(&bo->vm_status);
	return bo;
}

/* The VM mutex is held, but the idle list is guarded by status_lock. */
static void bad_spec_walk_under_vm_lock(struct my_spec_vm *vm)
{
	struct my_spec_bo *bo;

	mutex_lock(&vm->lock);
	list_for_each_entry(bo, &vm->idle, vm_status) /* expect: LC001 */
		my_spec_bo_validate(bo);
	mutex_unlock(&vm->lock);
}

/* Moved BOs are requeued as evicted, then peeked at after the unlock. */
static struct my_spec_bo *bad_spec_peek_after_unlock(struct my_spec_vm *vm)
{
	spin_lock(&vm->status_lock);
	list_splice_tail_init(&vm->moved, &vm->evicted);
	spin_unlock(&vm->status_lock);

	return list_first_entry_or_null(&vm->evicted, /* expect: LC001 */
					struct my_spec_bo, vm_status);
}
