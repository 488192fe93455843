/*
 * LC001: a guard inferred from how the code writes a field.
 *
 * Nothing here says what sched->lock protects: no annotation, no spec, no
 * comment.  But every function that changes last_submitted or
 * last_retired holds sched->lock while it does, so that is the protocol,
 * and lockcheck infers it (a field written with the same lock held in at
 * least 3 places and in at least 75% of its writes).  A read of such a
 * field without the lock is reported with that evidence, e.g. "written
 * with 'sched->lock' held 3 of 3 times".  The unlocked reads below can
 * see last_submitted and last_retired from two different moments and
 * report a busy scheduler as idle, or a hung one as making progress.
 *
 * Not a bug: the writers themselves, and reads with the lock held.
 */
#include "../include/kernel-stubs.h"

struct my_infer_sched {
	struct mutex lock;
	u64 last_submitted;
	u64 last_retired;
};

static u64 good_sched_submit(struct my_infer_sched *sched)
{
	u64 seqno;

	mutex_lock(&sched->lock);
	seqno = ++sched->last_submitted;
	mutex_unlock(&sched->lock);

	return seqno;
}

static void good_sched_retire(struct my_infer_sched *sched, u64 seqno)
{
	mutex_lock(&sched->lock);
	sched->last_retired = seqno;
	mutex_unlock(&sched->lock);
}

/* After a GPU reset, start counting again from the given seqno. */
static void good_sched_resume(struct my_infer_sched *sched, u64 seqno)
{
	guard(mutex)(&sched->lock);
	sched->last_submitted = seqno;
	sched->last_retired = seqno;
}

static void good_sched_reset(struct my_infer_sched *sched)
{
	mutex_lock(&sched->lock);
	sched->last_submitted = 0;
	sched->last_retired = 0;
	mutex_unlock(&sched->lock);
}

static bool good_sched_idle(struct my_infer_sched *sched)
{
	bool idle;

	mutex_lock(&sched->lock);
	idle = sched->last_submitted == sched->last_retired;
	mutex_unlock(&sched->lock);

	return idle;
}

/* Two unlocked loads that may come from two different updates. */
static bool bad_sched_busy_unlocked(struct my_infer_sched *sched)
{
	return sched->last_submitted != sched->last_retired; /* expect: LC001 */
}

/* The hang check decides "no progress" from an unlocked read. */
static bool bad_sched_timeout_progress(struct my_infer_sched *sched,
				       u64 *last_seen)
{
	u64 retired = sched->last_retired; /* expect: LC001 */
	bool progress = retired != *last_seen;

	*last_seen = retired;
	return progress;
}
