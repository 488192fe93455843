/*
 * LC006: the same lock, of the wrong object.
 *
 * Each engine has its own embedded mutex, and an engine's queue depth is
 * guarded by that engine's mutex.  Holding the mutex of the engine work is
 * taken from while changing the engine it goes to looks right to lockdep
 * (a mutex of the right class is held) and to a reviewer skimming for
 * mutex_lock(), but the target engine's depth is unprotected.
 *
 * Not a bug: holding both mutexes (in a fixed order), or the target's.
 * Locks that are pointers to a shared mutex (a drm_gem_lru's lock) are not
 * judged here: two objects may share one by design, and whether they do is
 * what lock bindings tell (see lru-family.c).
 */
#include "../include/kernel-stubs.h"

struct my_wi_engine {
	struct mutex lock;
	int depth __guarded_by(&lock);
	struct my_wi_job *last __guarded_by(&lock);
};

struct my_wi_job {
	int id;
};

static void bad_wi_migrate(struct my_wi_engine *from, struct my_wi_engine *to,
			   struct my_wi_job *job)
{
	mutex_lock(&from->lock);
	from->depth--;
	to->last = job; /* expect: LC006 */
	to->depth++; /* expect: LC006 */
	mutex_unlock(&from->lock);
}

static void good_wi_migrate(struct my_wi_engine *from, struct my_wi_engine *to,
			    struct my_wi_job *job)
{
	mutex_lock(&from->lock);
	from->depth--;
	mutex_unlock(&from->lock);

	mutex_lock(&to->lock);
	to->last = job;
	to->depth++;
	mutex_unlock(&to->lock);
}

static int bad_wi_peek_other(struct my_wi_engine *self, struct my_wi_engine *peer)
{
	int d;

	mutex_lock(&self->lock);
	d = peer->depth; /* expect: LC006 */
	mutex_unlock(&self->lock);
	return d;
}

static int good_wi_depth(struct my_wi_engine *e)
{
	int d;

	mutex_lock(&e->lock);
	d = e->depth;
	mutex_unlock(&e->lock);
	return d;
}
