/*
 * LC001: fields annotated with __guarded_by().
 *
 * `u32 irq_status __guarded_by(&irq_lock);` says that irq_status may be
 * read only with the sibling member irq_lock held (Linux context analysis
 * spelling; sparse-era code says the same in a comment).  For a struct
 * embedded in another one, the lock is the sibling inside the embedded
 * struct: gpu->lru.count is guarded by gpu->lru.lock.  A plain read after
 * spin_unlock_irqrestore(), or on the path of a conditional lock that did
 * not take it, races with the interrupt handler or the other writers.
 *
 * Not a bug: reads between spin_lock_irqsave() and
 * spin_unlock_irqrestore(); a helper that asserts the lock with
 * lockdep_assert_held(); a static helper without an assertion whose every
 * caller in the file holds the lock.
 */
#include "../include/kernel-stubs.h"

struct my_anno_lru {
	struct mutex lock;
	long count __guarded_by(&lock);
	struct list_head list __guarded_by(&lock);
};

struct my_anno_gpu {
	spinlock_t irq_lock;
	u32 irq_status __guarded_by(&irq_lock);
	u32 irq_mask __guarded_by(&irq_lock);
	struct my_anno_lru lru;
};

/* Read and clear under the irqsave lock the interrupt handler also takes. */
static u32 good_irqsave_read_status(struct my_anno_gpu *gpu)
{
	unsigned long flags;
	u32 status;

	spin_lock_irqsave(&gpu->irq_lock, flags);
	status = gpu->irq_status;
	gpu->irq_status = 0;
	spin_unlock_irqrestore(&gpu->irq_lock, flags);

	return status;
}

/* The embedded LRU's own lock guards its count. */
static long good_lru_parent_lock_held(struct my_anno_gpu *gpu)
{
	long n;

	mutex_lock(&gpu->lru.lock);
	n = gpu->lru.count;
	mutex_unlock(&gpu->lru.lock);

	return n;
}

/* Callers hold the lock; the assertion documents and checks that. */
static u32 good_asserted_mask(struct my_anno_gpu *gpu)
{
	lockdep_assert_held(&gpu->irq_lock);
	return gpu->irq_mask;
}

/* No assertion, but its only caller holds the lock. */
static u32 my_anno_pending(struct my_anno_gpu *gpu)
{
	return gpu->irq_status & gpu->irq_mask;
}

static u32 good_helper_under_lock(struct my_anno_gpu *gpu)
{
	unsigned long flags;
	u32 pending;

	spin_lock_irqsave(&gpu->irq_lock, flags);
	pending = my_anno_pending(gpu);
	spin_unlock_irqrestore(&gpu->irq_lock, flags);

	return pending;
}

/*
 * "Anything left?" is answered after the lock is dropped: an interrupt
 * that sets a bit in between may be acted on twice or not at all.
 */
static bool bad_read_after_irqrestore(struct my_anno_gpu *gpu, u32 bits)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->irq_lock, flags);
	gpu->irq_status &= ~bits;
	spin_unlock_irqrestore(&gpu->irq_lock, flags);

	return gpu->irq_status != 0; /* expect: LC001 */
}

/* The eviction decision reads the embedded LRU's count without its lock. */
static bool bad_lru_parent_unlocked(struct my_anno_gpu *gpu, long want)
{
	return gpu->lru.count >= want; /* expect: LC001 */
}

/* Only "sync" callers get the lock; the others read the mask unlocked. */
static u32 bad_lock_on_one_path(struct my_anno_gpu *gpu, bool sync)
{
	u32 mask;

	if (sync)
		spin_lock_irq(&gpu->irq_lock);
	mask = gpu->irq_mask; /* expect: LC001 */
	if (sync)
		spin_unlock_irq(&gpu->irq_lock);

	return mask;
}
