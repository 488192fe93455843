/*
 * LC004: which lockless readers make a plain store a problem.
 *
 * A store needs WRITE_ONCE() when some reader of the field deliberately
 * goes without the lock: a READ_ONCE(), data_race() or acquire load, or a
 * plain load that LC003 recognises as deliberate (polled in a loop, or
 * used to find the lock).  The LC003 reader is then fixed with
 * READ_ONCE() and the writer with WRITE_ONCE().
 *
 * A reader that simply forgot the lock is an LC001 bug; the fix is to
 * take the lock there, so it is no reason to mark the writers.  And a
 * field with no lockless reader at all is written with plain stores.
 */
#include "../include/kernel-stubs.h"

struct my_engine {
	spinlock_t lock;
	bool idle __guarded_by(&lock);
	u32 pending __guarded_by(&lock);
	u32 heartbeat_ms __guarded_by(&lock);
	struct list_head requests __guarded_by(&lock);
};

struct my_client;

struct my_submit_queue {
	struct mutex lock;
	struct my_client *client __guarded_by(&lock);
	u32 prio __guarded_by(&lock);
};

/* Polled without the lock (itself LC003: the load must be READ_ONCE()). */
static void bad_engine_wait_idle(struct my_engine *e)
{
	while (!e->idle) /* expect: LC003 */
		cpu_relax();
}

/* ... so the store that ends the wait must be marked. */
static void bad_engine_park(struct my_engine *e)
{
	spin_lock(&e->lock);
	e->idle = true; /* expect: LC004 */
	spin_unlock(&e->lock);
}

static void good_engine_unpark(struct my_engine *e)
{
	spin_lock(&e->lock);
	WRITE_ONCE(e->idle, false);
	spin_unlock(&e->lock);
}

/* heartbeat_ms is read with an acquire load, so its stores are marked too. */
static u32 good_engine_heartbeat(struct my_engine *e)
{
	return smp_load_acquire(&e->heartbeat_ms);
}

static void bad_engine_set_heartbeat(struct my_engine *e, u32 ms)
{
	spin_lock(&e->lock);
	e->heartbeat_ms = ms; /* expect: LC004 */
	spin_unlock(&e->lock);
}

static void good_engine_set_heartbeat(struct my_engine *e, u32 ms)
{
	spin_lock(&e->lock);
	smp_store_release(&e->heartbeat_ms, ms);
	spin_unlock(&e->lock);
}

/* A reader that forgot the lock: the bug is here (LC001), not in the writer. */
static u32 bad_engine_pending(struct my_engine *e)
{
	return e->pending; /* expect: LC001 */
}

static void good_engine_submit(struct my_engine *e)
{
	spin_lock(&e->lock);
	e->pending++;
	spin_unlock(&e->lock);
}

/* The client pointer is always read with the lock held. */
static void good_queue_set_client(struct my_submit_queue *q, struct my_client *client)
{
	mutex_lock(&q->lock);
	q->client = client;
	q->prio = 0;
	mutex_unlock(&q->lock);
}

static bool good_queue_has_client(struct my_submit_queue *q)
{
	bool ret;

	mutex_lock(&q->lock);
	ret = q->client != NULL;
	mutex_unlock(&q->lock);
	return ret;
}
