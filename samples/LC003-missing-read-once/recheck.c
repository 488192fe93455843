/*
 * LC003: a test without the lock that is repeated under the lock.
 *
 * "Check cheaply, then lock and check again" is a common fast path: the
 * first test skips the lock when there is obviously nothing to do, and
 * only the second one, made with the lock held, decides.  The first test
 * is a lockless read on purpose, so it must be READ_ONCE(): with a plain
 * load the compiler may tear it, or merge it with the second load and
 * drop the check under the lock.
 *
 * The state is written with WRITE_ONCE() under the lock, because it has
 * lockless readers (LC004).
 */
#include "../include/kernel-stubs.h"

enum my_ring_state {
	MY_RING_IDLE,
	MY_RING_RUNNING,
	MY_RING_STOPPED,
};

struct my_ring {
	spinlock_t lock;
	int state __guarded_by(&lock);
	u32 hangs __guarded_by(&lock);
	struct list_head requests __guarded_by(&lock);
};

void my_ring_kick(struct my_ring *ring);

/* Early return on a plain lockless test, then the real test under the lock. */
static void bad_ring_stop(struct my_ring *ring)
{
	if (ring->state != MY_RING_RUNNING) /* expect: LC003 */
		return;

	spin_lock(&ring->lock);
	if (ring->state == MY_RING_RUNNING)
		WRITE_ONCE(ring->state, MY_RING_STOPPED);
	spin_unlock(&ring->lock);
}

static void good_ring_stop(struct my_ring *ring)
{
	if (READ_ONCE(ring->state) != MY_RING_RUNNING)
		return;

	spin_lock(&ring->lock);
	if (ring->state == MY_RING_RUNNING)
		WRITE_ONCE(ring->state, MY_RING_STOPPED);
	spin_unlock(&ring->lock);
}

/* The nested form: if (x) { lock; if (x) ...; unlock; } */
static void bad_ring_start(struct my_ring *ring)
{
	unsigned long flags;

	if (ring->state == MY_RING_IDLE) { /* expect: LC003 */
		spin_lock_irqsave(&ring->lock, flags);
		if (ring->state == MY_RING_IDLE) {
			WRITE_ONCE(ring->state, MY_RING_RUNNING);
			my_ring_kick(ring);
		}
		spin_unlock_irqrestore(&ring->lock, flags);
	}
}

static void good_ring_start(struct my_ring *ring)
{
	unsigned long flags;

	if (READ_ONCE(ring->state) == MY_RING_IDLE) {
		spin_lock_irqsave(&ring->lock, flags);
		if (ring->state == MY_RING_IDLE) {
			WRITE_ONCE(ring->state, MY_RING_RUNNING);
			my_ring_kick(ring);
		}
		spin_unlock_irqrestore(&ring->lock, flags);
	}
}

/* A hang counter checked before and after taking the lock. */
static bool bad_ring_note_hang(struct my_ring *ring, u32 limit)
{
	bool banned = false;

	if (ring->hangs >= limit) /* expect: LC003 */
		return true;

	spin_lock(&ring->lock);
	WRITE_ONCE(ring->hangs, ring->hangs + 1);
	if (ring->hangs >= limit)
		banned = true;
	spin_unlock(&ring->lock);
	return banned;
}

/* Every test made with the lock held: nothing is lockless. */
static bool good_ring_idle(struct my_ring *ring)
{
	bool idle;

	spin_lock(&ring->lock);
	idle = ring->state == MY_RING_IDLE && list_empty(&ring->requests);
	spin_unlock(&ring->lock);
	return idle;
}
