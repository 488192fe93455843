/*
 * LC002: writes of fields annotated with __guarded_by().
 *
 * The interrupt status and mask below are shared between the hard
 * interrupt handler, its threaded half and process context, and are
 * guarded by irq_lock.  A read-modify-write such as `status |= bits` or
 * `mask &= ~bits` done without the lock loses a concurrent update: bits
 * set by an interrupt that arrives in between vanish, or a source that
 * was just disabled is enabled again.  For a struct embedded in another
 * one, the annotation names the sibling inside the embedded struct:
 * gpu->lru.count is guarded by gpu->lru.lock.
 *
 * Not a bug: plain spin_lock() in the hard interrupt handler (interrupts
 * are already off there), spin_lock_irqsave() everywhere else, and the
 * embedded struct's own lock around its fields.
 */
#include "../include/kernel-stubs.h"

struct my_w_lru {
	struct mutex lock;
	long count __guarded_by(&lock);
};

struct my_w_gpu {
	spinlock_t irq_lock;
	u32 irq_status __guarded_by(&irq_lock);
	u32 irq_mask __guarded_by(&irq_lock);
	struct my_w_lru lru;
};

u32 my_w_read_hw_status(struct my_w_gpu *gpu);
void my_w_handle(struct my_w_gpu *gpu, u32 status);

/* Hard interrupt handler: interrupts are off, a plain spin_lock() is enough. */
static void good_hardirq_collect(struct my_w_gpu *gpu)
{
	u32 status = my_w_read_hw_status(gpu);

	spin_lock(&gpu->irq_lock);
	gpu->irq_status |= status;
	spin_unlock(&gpu->irq_lock);
}

/* Process context masks a source with interrupts saved and disabled. */
static void good_irqsave_mask(struct my_w_gpu *gpu, u32 bits)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->irq_lock, flags);
	gpu->irq_mask &= ~bits;
	spin_unlock_irqrestore(&gpu->irq_lock, flags);
}

/* The embedded LRU's own lock guards its count. */
static void good_lru_parent_count(struct my_w_gpu *gpu, long npages)
{
	mutex_lock(&gpu->lru.lock);
	gpu->lru.count += npages;
	mutex_unlock(&gpu->lru.lock);
}

/*
 * The threaded half consumes the status with a plain store: bits the hard
 * handler sets between the copy and the clear are lost.
 */
static void bad_thread_clears_status(struct my_w_gpu *gpu)
{
	unsigned long flags;
	u32 status;

	spin_lock_irqsave(&gpu->irq_lock, flags);
	status = gpu->irq_status;
	spin_unlock_irqrestore(&gpu->irq_lock, flags);

	gpu->irq_status = 0; /* expect: LC002 */
	my_w_handle(gpu, status);
}

/*
 * The source is unmasked after the lock is dropped; a concurrent masking
 * in good_irqsave_mask() can be undone by this read-modify-write.
 */
static void bad_unmask_after_restore(struct my_w_gpu *gpu, u32 bits)
{
	unsigned long flags;

	spin_lock_irqsave(&gpu->irq_lock, flags);
	gpu->irq_status &= ~bits;
	spin_unlock_irqrestore(&gpu->irq_lock, flags);
	gpu->irq_mask |= bits; /* expect: LC002 */
}

/* The unpin path drops pages from the embedded LRU's count without its lock. */
static void bad_lru_parent_count_unlocked(struct my_w_gpu *gpu, long npages)
{
	gpu->lru.count -= npages; /* expect: LC002 */
}
