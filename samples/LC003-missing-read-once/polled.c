/*
 * LC003: a flag polled in a loop without its lock.
 *
 * Spinning on a field until another CPU changes it is lockless by
 * construction: the waiter holds no lock while it polls, or the writer
 * could never get in.  A plain load in the loop condition may be hoisted
 * out of the loop by the compiler (the loop then spins forever on a stale
 * value) or torn, so the load must be READ_ONCE(), or smp_load_acquire()
 * when the waiter then reads data the writer published before the flag.
 *
 * Polling with the lock held around each test, dropping it between tests,
 * is fine: every load is then made under the lock.
 */
#include "../include/kernel-stubs.h"

struct my_fence_slot {
	spinlock_t lock;
	bool signaled __guarded_by(&lock);
	u32 seqno __guarded_by(&lock);
	u32 payload __guarded_by(&lock);
};

/* The compiler may load slot->signaled once and spin forever. */
static void bad_slot_wait(struct my_fence_slot *slot)
{
	while (!slot->signaled) /* expect: LC003 */
		cpu_relax();
}

static void good_slot_wait(struct my_fence_slot *slot)
{
	while (!READ_ONCE(slot->signaled))
		cpu_relax();
}

/* The exit test may sit in the body: for (;;) { if (done) break; ... } */
static void bad_slot_wait_break(struct my_fence_slot *slot)
{
	for (;;) {
		if (slot->signaled) /* expect: LC003 */
			break;
		cpu_relax();
	}
}

/* A do-while poll with a bound on the number of tries. */
static int bad_slot_wait_seqno(struct my_fence_slot *slot, u32 seqno)
{
	int tries = 0;

	do {
		if (++tries > 1000)
			return -ETIMEDOUT;
		cpu_relax();
	} while (slot->seqno != seqno); /* expect: LC003 */
	return 0;
}

static int good_slot_wait_seqno(struct my_fence_slot *slot, u32 seqno)
{
	int tries = 0;

	do {
		if (++tries > 1000)
			return -ETIMEDOUT;
		cpu_relax();
	} while (READ_ONCE(slot->seqno) != seqno);
	return 0;
}

/*
 * The flag publishes the payload: the acquire pairs with the writer's
 * release.  The next signal may rewrite the payload, so its load is marked
 * too.
 */
static u32 good_slot_wait_payload(struct my_fence_slot *slot)
{
	while (!smp_load_acquire(&slot->signaled))
		cpu_relax();
	return READ_ONCE(slot->payload);
}

/* Each test is made with the lock held; the lock is dropped to wait. */
static void good_slot_wait_locked_test(struct my_fence_slot *slot)
{
	spin_lock(&slot->lock);
	while (!slot->signaled) {
		spin_unlock(&slot->lock);
		cpu_relax();
		spin_lock(&slot->lock);
	}
	spin_unlock(&slot->lock);
}

/* The writer: payload first, then the flag with release semantics. */
static void good_slot_signal(struct my_fence_slot *slot, u32 payload)
{
	spin_lock(&slot->lock);
	WRITE_ONCE(slot->payload, payload);
	WRITE_ONCE(slot->seqno, slot->seqno + 1);
	smp_store_release(&slot->signaled, true);
	spin_unlock(&slot->lock);
}
