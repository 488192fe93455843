/*
 * LC002: a guard inferred from how the code writes a field.
 *
 * No annotation or spec says what ring->lock protects, but every function
 * that moves the ring's write pointer or changes its free space holds it.
 * lockcheck infers that protocol (a field written with the same lock held
 * in at least 3 places and in at least 75% of its writes) and reports a
 * write that breaks it with the evidence, e.g. "written with 'ring->lock'
 * held 4 of 5 times".  An unlocked update of wptr or space races with
 * submission on another CPU: two jobs get the same ring slot, or the free
 * space count drifts until the ring looks full or overflows.
 *
 * Not a bug: the locked writers, whether they use spin_lock() or
 * spin_lock_irqsave(), and an init function, which writes the fields
 * before the ring is visible to anyone else.
 */
#include "../include/kernel-stubs.h"

struct my_infer_ring {
	spinlock_t lock;
	u32 size;
	u32 wptr;
	u32 space;
};

void my_ring_copy(struct my_infer_ring *ring, u32 at, const u32 *dw, u32 n);
u32 my_ring_hw_rptr(struct my_infer_ring *ring);

/* Not shared yet: no lock needed, and these writes are not evidence. */
static void good_ring_init(struct my_infer_ring *ring, u32 size)
{
	spin_lock_init(&ring->lock);
	ring->size = size;
	ring->wptr = 0;
	ring->space = size;
}

static int good_ring_emit(struct my_infer_ring *ring, const u32 *dw, u32 n)
{
	spin_lock(&ring->lock);
	if (ring->space < n) {
		spin_unlock(&ring->lock);
		return -ENOSPC;
	}
	my_ring_copy(ring, ring->wptr, dw, n);
	ring->wptr = (ring->wptr + n) % ring->size;
	ring->space -= n;
	spin_unlock(&ring->lock);
	return 0;
}

/* Fill to the end of the ring so that the next packet starts at 0. */
static void good_ring_pad_to_end(struct my_infer_ring *ring)
{
	u32 pad;

	spin_lock(&ring->lock);
	pad = ring->size - ring->wptr;
	if (pad <= ring->space) {
		ring->wptr = 0;
		ring->space -= pad;
	}
	spin_unlock(&ring->lock);
}

/* Called from the fence interrupt, hence irqsave elsewhere too. */
static void good_ring_retire(struct my_infer_ring *ring, u32 n)
{
	unsigned long flags;

	spin_lock_irqsave(&ring->lock, flags);
	ring->space += n;
	spin_unlock_irqrestore(&ring->lock, flags);
}

static void good_ring_reset(struct my_infer_ring *ring)
{
	unsigned long flags;

	spin_lock_irqsave(&ring->lock, flags);
	ring->wptr = 0;
	ring->space = ring->size;
	spin_unlock_irqrestore(&ring->lock, flags);
}

/* Resync the write pointer with the hardware after a hang. */
static void good_ring_resync(struct my_infer_ring *ring, u32 wptr)
{
	spin_lock(&ring->lock);
	ring->wptr = wptr;
	spin_unlock(&ring->lock);
}

/*
 * After resume the write pointer is reloaded from the hardware with no
 * lock: a submission racing with it writes its packet at the old offset.
 */
static void bad_ring_resume_wptr(struct my_infer_ring *ring)
{
	ring->wptr = my_ring_hw_rptr(ring); /* expect: LC002 */
}

/* The retire path from a workqueue forgot the lock the irq path takes. */
static void bad_ring_retire_unlocked(struct my_infer_ring *ring, u32 n)
{
	ring->space += n; /* expect: LC002 */
}
