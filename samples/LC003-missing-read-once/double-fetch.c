/*
 * LC003: a lockless field loaded twice (double fetch).
 *
 * A function that tests a field without the lock and then loads it again
 * to use it assumes the two loads agree.  They need not: another CPU may
 * change the field in between, and a test that passed for the first value
 * says nothing about the second (a NULL check followed by a reload, a
 * bound check followed by a subtraction that now underflows).  When the
 * field is known to be read locklessly elsewhere in the run (marked, or
 * polled, or used to find a lock), lockcheck reports the second and later
 * loads.  The first load alone is an ordinary unlocked read (LC001) unless
 * the field is marked somewhere, in which case every plain lockless load
 * is LC003.
 *
 * The fix is one marked load into a local, used for both the test and
 * the work; or a single load under the lock.
 */
#include "../include/kernel-stubs.h"

#define MY_QUEUE_SIZE	256u

struct my_cmd_queue {
	spinlock_t lock;
	u32 pending __guarded_by(&lock);
};

struct my_engine {
	spinlock_t lock;
	const char *name;
	struct list_head requests;
};

struct my_request {
	struct my_engine *engine __guarded_by(&engine->lock);
	struct list_head link __guarded_by(&engine->lock);
};

struct my_timeline {
	spinlock_t lock;
	u32 seqno __guarded_by(&lock);
};

/* Polled without the lock: q->pending is read locklessly on purpose. */
static void bad_queue_drain(struct my_cmd_queue *q)
{
	while (q->pending) /* expect: LC003 */
		cpu_relax();
}

/* Tested, then loaded again: pending may have grown past the size meanwhile. */
static u32 bad_queue_space(struct my_cmd_queue *q)
{
	if (q->pending >= MY_QUEUE_SIZE) /* expect: LC001 */
		return 0;
	return MY_QUEUE_SIZE - q->pending; /* expect: LC003 */
}

/* One load under the lock; the test and the result use the same value. */
static u32 good_queue_space(struct my_cmd_queue *q)
{
	u32 pending;

	spin_lock(&q->lock);
	pending = q->pending;
	spin_unlock(&q->lock);

	if (pending >= MY_QUEUE_SIZE)
		return 0;
	return MY_QUEUE_SIZE - pending;
}

/* rq->engine finds the engine's lock, so it is read locklessly on purpose. */
static void bad_request_retire(struct my_request *rq)
{
	struct my_engine *engine = rq->engine; /* expect: LC003 */

	spin_lock(&engine->lock);
	if (rq->engine == engine)
		list_del(&rq->link);
	spin_unlock(&engine->lock);
}

/* NULL check, then a second load that may be NULL after all. */
static const char *bad_request_engine_name(struct my_request *rq)
{
	if (!rq->engine) /* expect: LC001 */
		return "none";
	return rq->engine->name; /* expect: LC003 */
}

/* A field written with WRITE_ONCE(): every plain lockless load is LC003. */
static void good_timeline_advance(struct my_timeline *tl)
{
	spin_lock(&tl->lock);
	WRITE_ONCE(tl->seqno, tl->seqno + 1);
	spin_unlock(&tl->lock);
}

static bool bad_timeline_passed(struct my_timeline *tl, u32 seqno, u32 *now)
{
	if ((s32)(tl->seqno - seqno) < 0) /* expect: LC003 */
		return false;
	*now = tl->seqno; /* expect: LC003 */
	return true;
}

static bool good_timeline_passed(struct my_timeline *tl, u32 seqno, u32 *now)
{
	u32 cur = READ_ONCE(tl->seqno);

	if ((s32)(cur - seqno) < 0)
		return false;
	*now = cur;
	return true;
}
