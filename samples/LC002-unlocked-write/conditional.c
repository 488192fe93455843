/*
 * LC002: writes on the branch of a conditional lock that did not lock.
 *
 * Code that locks on some branches only (try-lock for nonblocking
 * callers, an interruptible lock that can fail, a lock taken only when
 * there is work) must keep guarded writes on the branches that hold the
 * lock.  A common slip is bookkeeping on the failure branch: counting the
 * dropped request or recording the interruption in fields the lock
 * guards, right where the lock was *not* taken, or setting state in an
 * `else` that never locked.
 *
 * Not a bug: nonblocking and blocking branches that both end up holding
 * the lock before the write; a write under `if (locked)` where `locked`
 * holds the try-lock's result; scoped_cond_guard(), whose body runs only
 * when the lock was taken.
 */
#include "../include/kernel-stubs.h"

struct my_cond_queue {
	struct mutex lock;
	struct list_head jobs __guarded_by(&lock);
	u32 queued __guarded_by(&lock);
	u32 dropped __guarded_by(&lock);
	u32 interrupted __guarded_by(&lock);
	u32 flushes __guarded_by(&lock);
	bool idle __guarded_by(&lock);
};

struct my_cond_job {
	struct list_head node;
};

void my_cond_flush(struct my_cond_queue *q);

/* Either branch ends up holding the lock before the writes. */
static int good_nonblock_or_block(struct my_cond_queue *q,
				  struct my_cond_job *job, bool nonblock)
{
	if (nonblock) {
		if (!mutex_trylock(&q->lock))
			return -EAGAIN;
	} else {
		mutex_lock(&q->lock);
	}
	list_add_tail(&job->node, &q->jobs);
	q->queued++;
	q->idle = false;
	mutex_unlock(&q->lock);
	return 0;
}

/* Best-effort flush; the statistics are updated only if the lock was taken. */
static void good_stats_only_if_taken(struct my_cond_queue *q)
{
	bool locked = mutex_trylock(&q->lock);

	my_cond_flush(q);
	if (locked) {
		q->flushes++;
		mutex_unlock(&q->lock);
	}
}

/* The body runs only when the interruptible lock was taken. */
static int good_scoped_cond_guard(struct my_cond_queue *q,
				  struct my_cond_job *job)
{
	scoped_cond_guard(mutex_intr, return -EINTR, &q->lock) {
		list_add_tail(&job->node, &q->jobs);
		q->queued++;
	}
	return 0;
}

/* The dropped request is counted on the branch where the try-lock failed. */
static int bad_write_on_trylock_failure(struct my_cond_queue *q,
					struct my_cond_job *job, bool nonblock)
{
	if (nonblock) {
		if (!mutex_trylock(&q->lock)) {
			q->dropped++; /* expect: LC002 */
			return -EAGAIN;
		}
	} else {
		mutex_lock(&q->lock);
	}
	list_add_tail(&job->node, &q->jobs);
	q->queued++;
	mutex_unlock(&q->lock);
	return 0;
}

/* mutex_lock_interruptible() failed: the lock is not held on this branch. */
static int bad_write_on_interrupted_branch(struct my_cond_queue *q,
					   struct my_cond_job *job)
{
	if (mutex_lock_interruptible(&q->lock)) {
		q->interrupted++; /* expect: LC002 */
		return -EINTR;
	}
	list_add_tail(&job->node, &q->jobs);
	q->queued++;
	mutex_unlock(&q->lock);
	return 0;
}

/* Only the branch with a job locks; the idle branch writes unlocked. */
static void bad_write_on_unlocked_else(struct my_cond_queue *q,
				       struct my_cond_job *job)
{
	if (job) {
		mutex_lock(&q->lock);
		list_add_tail(&job->node, &q->jobs);
		q->queued++;
		q->idle = false;
		mutex_unlock(&q->lock);
	} else {
		q->idle = true; /* expect: LC002 */
	}
}
