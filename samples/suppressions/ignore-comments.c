/*
 * Suppressions: saying in the source that a finding is not a bug.
 *
 * The kernel's own way comes first.  A racy read that is fine because its
 * value is only reported is written data_race(x): that marks the access for
 * KCSAN and for lockcheck alike, and needs no lockcheck comment.
 *
 * For anything else, a comment on the finding's line, or on the line(s)
 * just above it, names the rule (id or name) and says why after "--":
 *
 *	x = p->count;	// lockcheck: ignore LC001 -- why this is fine
 *
 * The reason is required, as the comment data_race() asks for is: a
 * suppression without one suppresses nothing and is reported as a warning.
 * Every lockcheck: ignore comment in this file must suppress a finding
 * (SamplesTest checks that), and every other finding must be marked.
 */
#include "../include/kernel-stubs.h"

struct my_cmdq {
	spinlock_t lock;
	u32 head __guarded_by(&lock);
	u32 tail __guarded_by(&lock);
	u64 submitted __guarded_by(&lock);
	u64 retired __guarded_by(&lock);
	bool stopped __guarded_by(&lock);
};

/* The kernel's marker: a debug dump may print a torn or stale value. */
static void good_cmdq_dump_marked(struct my_cmdq *q)
{
	pr_debug("cmdq submitted %llu\n", data_race(q->submitted));
}

/* Or a lockcheck comment on the read's line. */
static void good_cmdq_dump_commented(struct my_cmdq *q)
{
	pr_debug("cmdq retired %llu\n", q->retired); /* lockcheck: ignore LC001 -- debug output only */
}

/* A comment on the line above, naming the rule by its name. */
static u32 good_cmdq_space_hint(struct my_cmdq *q)
{
	// lockcheck: ignore UnlockedRead -- a hint; my_cmdq_reserve() re-checks it under the lock
	return q->tail - q->head;
}

/* A kernel-style block comment above; the reason may run over several lines. */
static void good_cmdq_wait_stopped(struct my_cmdq *q)
{
	/*
	 * lockcheck: ignore LC003 -- the stop path sets ->stopped before it
	 * frees the queue and waits for us in synchronize_rcu()
	 */
	while (!q->stopped)
		cpu_relax();
}

static void good_cmdq_stop(struct my_cmdq *q)
{
	spin_lock(&q->lock);
	WRITE_ONCE(q->stopped, true);
	spin_unlock(&q->lock);
}

/* A comment only silences the rules it names: this read is still LC001. */
static u32 bad_cmdq_head_wrong_rule(struct my_cmdq *q)
{
	/* expect@+1: LC001 */
	return q->head; /* lockcheck: ignore LC002 -- names the write rule, not the read rule */
}

/* Nor does it reach past the line below it. */
static u32 bad_cmdq_tail_too_far(struct my_cmdq *q)
{
	u32 tail;

	/* lockcheck: ignore LC001 -- covers the next line only */
	tail = q->tail;
	return tail + q->head; /* expect: LC001 */
}
