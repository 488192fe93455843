/*
 * LC004: counters and statistics read without the lock.
 *
 * Statistics are often updated under a lock and read without one: a
 * busyness query, a debugfs or fdinfo dump, a "did anything happen since"
 * check.  Once such a reader uses READ_ONCE(), the increments must be
 * marked as well.  x->n++ and x->n += k are plain read-modify-write
 * stores: spell them WRITE_ONCE(x->n, x->n + 1).  The load inside is made
 * under the lock, so it can stay plain.  lockcheck reports these stores
 * but offers no automatic fix.
 *
 * A counter that is only ever read with the lock held needs nothing.
 */
#include "../include/kernel-stubs.h"

struct my_gpu_stats {
	spinlock_t lock;
	u64 submitted __guarded_by(&lock);
	u64 completed __guarded_by(&lock);
	u64 busy_ns __guarded_by(&lock);
	u32 resets __guarded_by(&lock);
};

/* The lockless readers: a busyness check and an fdinfo line. */
static bool good_stats_busy(struct my_gpu_stats *s)
{
	return READ_ONCE(s->submitted) != READ_ONCE(s->completed);
}

static void good_stats_show(struct my_gpu_stats *s)
{
	pr_debug("busy %llu ns\n", data_race(s->busy_ns));
}

static void bad_stats_submit(struct my_gpu_stats *s)
{
	spin_lock(&s->lock);
	s->submitted++; /* expect: LC004 */
	spin_unlock(&s->lock);
}

static void good_stats_submit(struct my_gpu_stats *s)
{
	spin_lock(&s->lock);
	WRITE_ONCE(s->submitted, s->submitted + 1);
	spin_unlock(&s->lock);
}

static void bad_stats_complete(struct my_gpu_stats *s, u64 ns)
{
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	++s->completed; /* expect: LC004 */
	s->busy_ns += ns; /* expect: LC004 */
	spin_unlock_irqrestore(&s->lock, flags);
}

static void good_stats_complete(struct my_gpu_stats *s, u64 ns)
{
	unsigned long flags;

	spin_lock_irqsave(&s->lock, flags);
	WRITE_ONCE(s->completed, s->completed + 1);
	WRITE_ONCE(s->busy_ns, s->busy_ns + ns);
	spin_unlock_irqrestore(&s->lock, flags);
}

/* The plain-assignment form gets a WRITE_ONCE() fix. */
static void bad_stats_clear(struct my_gpu_stats *s)
{
	spin_lock(&s->lock);
	s->busy_ns = 0; /* expect: LC004 */
	spin_unlock(&s->lock);
}

/* resets is only read with the lock held: plain stores are right. */
static void good_stats_reset(struct my_gpu_stats *s)
{
	spin_lock(&s->lock);
	s->resets++;
	spin_unlock(&s->lock);
}

static u32 good_stats_resets(struct my_gpu_stats *s)
{
	u32 n;

	spin_lock(&s->lock);
	n = s->resets;
	spin_unlock(&s->lock);
	return n;
}
