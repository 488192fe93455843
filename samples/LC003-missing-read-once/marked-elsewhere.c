/*
 * LC003: a plain lockless read of a field that other code marks.
 *
 * When a field is written with WRITE_ONCE(), published with
 * rcu_assign_pointer() or smp_store_release(), or read with READ_ONCE()
 * somewhere, its authors have decided that it is accessed without the
 * lock.  Every lockless read of it must then be marked as well: one plain
 * load is enough for the compiler to tear or refetch the value.
 *
 * READ_ONCE() is the fix when the value is used; data_race() says that a
 * racy value is fine because it is only reported (debug output,
 * statistics) and never decides anything.
 */
#include "../include/kernel-stubs.h"

#define MY_PRIO_NORMAL	1

struct my_rq;

struct my_sched_entity {
	spinlock_t lock;
	u32 priority __guarded_by(&lock);
	struct my_rq *rq __guarded_by(&lock);
	bool stopped __guarded_by(&lock);
};

struct my_file_priv;

struct my_context {
	struct mutex lock;
	struct my_file_priv *fpriv __guarded_by(&lock);
};

void my_rq_add_entity(struct my_rq *rq, struct my_sched_entity *entity);
void my_file_priv_account(struct my_file_priv *fpriv, u64 bytes);

/* The writers: under the lock, but marked, because there are lockless readers. */
static void good_entity_set_priority(struct my_sched_entity *entity, u32 prio)
{
	spin_lock(&entity->lock);
	WRITE_ONCE(entity->priority, prio);
	spin_unlock(&entity->lock);
}

static void good_entity_stop(struct my_sched_entity *entity)
{
	spin_lock(&entity->lock);
	smp_store_release(&entity->stopped, true);
	spin_unlock(&entity->lock);
}

static void good_context_set_file(struct my_context *ctx, struct my_file_priv *fpriv)
{
	mutex_lock(&ctx->lock);
	rcu_assign_pointer(ctx->fpriv, fpriv);
	mutex_unlock(&ctx->lock);
}

/* A lockless read of a WRITE_ONCE() field is a plain load. */
static bool bad_entity_is_boosted(struct my_sched_entity *entity)
{
	return entity->priority > MY_PRIO_NORMAL; /* expect: LC003 */
}

static bool good_entity_is_boosted(struct my_sched_entity *entity)
{
	return READ_ONCE(entity->priority) > MY_PRIO_NORMAL;
}

/* Only printed: a racy value is fine, and data_race() says so. */
static void good_entity_dump(struct my_sched_entity *entity)
{
	pr_debug("entity prio %u\n", data_race(entity->priority));
}

/* The release store's reader must be a marked load too. */
static bool bad_entity_is_stopped(struct my_sched_entity *entity)
{
	return entity->stopped; /* expect: LC003 */
}

static bool good_entity_is_stopped(struct my_sched_entity *entity)
{
	return smp_load_acquire(&entity->stopped);
}

/* An RCU-published pointer read with a plain load inside the read side. */
static void bad_context_account(struct my_context *ctx, u64 bytes)
{
	struct my_file_priv *fpriv;

	rcu_read_lock();
	fpriv = ctx->fpriv; /* expect: LC003 */
	if (fpriv)
		my_file_priv_account(fpriv, bytes);
	rcu_read_unlock();
}

static void good_context_account(struct my_context *ctx, u64 bytes)
{
	struct my_file_priv *fpriv;

	rcu_read_lock();
	fpriv = rcu_dereference(ctx->fpriv);
	if (fpriv)
		my_file_priv_account(fpriv, bytes);
	rcu_read_unlock();
}
