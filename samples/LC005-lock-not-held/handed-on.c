/*
 * LC005: a requirement handed up the call graph.
 *
 * my_ho_bump_locked() asserts the ring lock.  my_ho_refill() calls it
 * without taking the lock, so it needs the lock from its own callers:
 * it hands the requirement on.  Two of its callers take the ring lock
 * around it; the third does not, and that call is where the chain
 * breaks: the finding names the whole chain down to the assertion (the
 * SARIF code flow lists each call).
 *
 * When no caller anywhere takes the lock, the finding goes to the call of
 * the asserting function itself (my_ho_orphan_drain(), whose only caller
 * never locks).  A function with no caller in the analysed files is
 * assumed to be called correctly from elsewhere.
 */
#include "../include/kernel-stubs.h"

struct my_ho_ring {
	spinlock_t lock;
	unsigned int head;
	unsigned int tail;
};

static void my_ho_bump_locked(struct my_ho_ring *ring)
{
	lockdep_assert_held(&ring->lock);
	ring->head++;
}

/* Hands the requirement on: its callers must hold ring->lock. */
static void my_ho_refill(struct my_ho_ring *ring, int n)
{
	while (n--)
		my_ho_bump_locked(ring);
}

static void good_ho_refill_irq(struct my_ho_ring *ring)
{
	unsigned long flags;

	spin_lock_irqsave(&ring->lock, flags);
	my_ho_refill(ring, 4);
	spin_unlock_irqrestore(&ring->lock, flags);
}

static void good_ho_refill_one(struct my_ho_ring *ring)
{
	spin_lock(&ring->lock);
	my_ho_refill(ring, 1);
	spin_unlock(&ring->lock);
}

static void bad_ho_refill_unlocked(struct my_ho_ring *ring)
{
	my_ho_refill(ring, 2); /* expect: LC005 */
}

/* Nobody takes the lock for this helper: the finding is at its call. */
static void my_ho_drain_locked(struct my_ho_ring *ring)
{
	lockdep_assert_held(&ring->lock);
	ring->tail = ring->head;
}

static void bad_ho_orphan_drain(struct my_ho_ring *ring)
{
	my_ho_drain_locked(ring); /* expect: LC005 */
}

void my_ho_reset(struct my_ho_ring *ring)
{
	bad_ho_orphan_drain(ring);
}
