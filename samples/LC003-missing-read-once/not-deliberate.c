/*
 * LC003 or LC001: which lockless reads are deliberate.
 *
 * LC003 asks for READ_ONCE() only where a read is lockless on purpose.
 * A plain read that merely forgot the lock is reported as LC001 instead:
 * the fix there is to take the lock, not to mark the load, and marking it
 * would hide the bug.  Reads in functions whose callers hold the lock
 * (*_locked), in init and teardown paths where the object is not shared,
 * and all marked reads (READ_ONCE(), data_race()) are neither.
 */
#include "../include/kernel-stubs.h"

struct my_gtt_space {
	struct mutex lock;
	u64 used __guarded_by(&lock);
	u64 size;
	bool evicting __guarded_by(&lock);
	u64 evictions __guarded_by(&lock);
};

struct my_gtt_node {
	struct my_gtt_space *space __guarded_by(&space->lock);
	u64 start __guarded_by(&space->lock);
};

int my_gtt_evict_some(struct my_gtt_space *space);

/* Forgot the lock: no sign that the read is meant to be lockless (LC001). */
static bool bad_gtt_full(struct my_gtt_space *space, u64 want)
{
	return space->used + want > space->size; /* expect: LC001 */
}

static bool good_gtt_full(struct my_gtt_space *space, u64 want)
{
	bool full;

	mutex_lock(&space->lock);
	full = space->used + want > space->size;
	mutex_unlock(&space->lock);
	return full;
}

/* The caller holds space->lock: plain reads are fine. */
static bool my_gtt_evicting_locked(struct my_gtt_space *space)
{
	lockdep_assert_held(&space->lock);
	return space->evicting && space->used > space->size / 2;
}

static int good_gtt_make_room(struct my_gtt_space *space)
{
	int ret = 0;

	mutex_lock(&space->lock);
	if (!my_gtt_evicting_locked(space))
		ret = my_gtt_evict_some(space);
	mutex_unlock(&space->lock);
	return ret;
}

/* Polled elsewhere (below), so the field is lockless on purpose ... */
static void bad_gtt_wait_eviction(struct my_gtt_space *space)
{
	while (space->evicting) /* expect: LC003 */
		cpu_relax();
}

/* ... yet teardown reads it plainly: nothing else can reach the space. */
static void good_gtt_space_fini(struct my_gtt_space *space)
{
	WARN_ON(space->evicting);
	mutex_destroy(&space->lock);
}

/* A statistic that may be stale, and says so. */
static void good_gtt_dump(struct my_gtt_space *space)
{
	pr_debug("gtt evictions %llu\n", data_race(space->evictions));
}

/*
 * The test of each node is inside a loop, but it polls nothing (every
 * iteration reads a different node and the test does not end the loop),
 * so this is an ordinary unlocked read: LC001, not LC003.
 */
static int bad_gtt_count_placed(struct my_gtt_node **nodes, int n)
{
	int i, placed = 0;

	for (i = 0; i < n; i++) {
		if (nodes[i]->start) /* expect: LC001 */
			placed++;
	}
	return placed;
}
