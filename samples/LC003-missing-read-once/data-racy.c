/*
 * Intent markers besides READ_ONCE(): a field declared __data_racy tells KCSAN (and
 * lockcheck) that its races are intended, so its plain accesses count as marked, and
 * ASSERT_EXCLUSIVE_WRITER() is an assertion about a variable, not a read of it.
 * A statistics counter read for a debug print is the typical __data_racy field; the
 * guarded field next to it still needs READ_ONCE() when read without the lock on purpose.
 */
#include "../include/kernel-stubs.h"

struct racy_stats {
	struct mutex lock;
	unsigned long hits __guarded_by(&lock);
	unsigned long __data_racy misses;
	unsigned long state __guarded_by(&lock);
};

/* The racy counter is read and bumped without the lock on purpose: no finding. */
static unsigned long good_racy_misses(struct racy_stats *s)
{
	s->misses++;
	return s->misses;
}

/*
 * The assertion names s->state but does not load it.  The store is marked because
 * bad_racy_wait_state() polls the field without the lock (else LC004).
 */
static void good_racy_assert_writer(struct racy_stats *s)
{
	ASSERT_EXCLUSIVE_WRITER(s->state);
	mutex_lock(&s->lock);
	WRITE_ONCE(s->state, 1);
	mutex_unlock(&s->lock);
}

/* Polling the guarded state without the lock is deliberate, so it must be marked. */
static void bad_racy_wait_state(struct racy_stats *s)
{
	while (!s->state) /* expect: LC003 */
		cpu_relax();
}
