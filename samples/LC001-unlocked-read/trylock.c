/*
 * LC001: reads that depend on a try-lock's result.
 *
 * mutex_trylock() and spin_trylock() return nonzero when they took the
 * lock and 0 when they did not.  Data the lock guards may be read only on
 * the path where the result said "taken".  Reading it when the result is
 * ignored, on the contended branch (say, to log why the call gave up), or
 * before the saved result has been tested reads it while another thread
 * may hold the lock and be changing it.
 *
 * Not a bug: returning early when the try-lock fails, reading inside
 * `if (spin_trylock(...)) { ... }`, and scoped_guard(mutex_try, ...),
 * whose body runs only when the lock was taken.
 */
#include "../include/kernel-stubs.h"

struct my_fw_queue {
	struct mutex lock;
	spinlock_t irq_lock;
	u32 head __guarded_by(&lock);
	u32 tail __guarded_by(&lock);
	u32 pending __guarded_by(&lock);
	u32 irq_status __guarded_by(&irq_lock);
};

void my_fw_kick(struct my_fw_queue *q);
void my_fw_report_busy(struct my_fw_queue *q, u32 pending);

/* Give up with -EBUSY when contended; read only once the lock is held. */
static int good_trylock_checked(struct my_fw_queue *q, u32 *used)
{
	if (!mutex_trylock(&q->lock))
		return -EBUSY;

	*used = q->head - q->tail;
	mutex_unlock(&q->lock);
	return 0;
}

/* Only the branch that took the lock reads and clears the status. */
static u32 good_spin_trylock_block(struct my_fw_queue *q)
{
	u32 status = 0;

	if (spin_trylock(&q->irq_lock)) {
		status = q->irq_status;
		q->irq_status = 0;
		spin_unlock(&q->irq_lock);
	}
	return status;
}

/* The scoped_guard body runs only when mutex_trylock() succeeded. */
static u32 good_scoped_guard_try(struct my_fw_queue *q)
{
	scoped_guard(mutex_try, &q->lock) {
		return q->pending;
	}
	return 0;
}

/* The result is dropped: the reads run whether or not the lock was taken. */
static u32 bad_trylock_unchecked(struct my_fw_queue *q)
{
	u32 used;

	mutex_trylock(&q->lock);
	used = q->head - q->tail; /* expect: LC001 */
	mutex_unlock(&q->lock); /* expect: LC008 */
	return used;
}

/* The contended branch logs queue state that another thread owns. */
static int bad_trylock_busy_report(struct my_fw_queue *q)
{
	if (!mutex_trylock(&q->lock)) {
		my_fw_report_busy(q, q->pending); /* expect: LC001 */
		return -EBUSY;
	}
	my_fw_kick(q);
	mutex_unlock(&q->lock);
	return 0;
}

/* The result is kept in a local, but the status is read before the test. */
static u32 bad_trylock_read_before_test(struct my_fw_queue *q)
{
	int locked = spin_trylock(&q->irq_lock);
	u32 status = q->irq_status; /* expect: LC001 */

	if (!locked)
		return 0;
	q->irq_status = 0;
	spin_unlock(&q->irq_lock);
	return status;
}
