/*
 * LC008: switch, do { } while (0) and statement expressions.
 *
 * Each case of a switch is its own path: a case that unlocks and breaks,
 * a case that returns, and a case that falls through into the next one
 * must all leave the lock in the same state.  `break` inside
 * do { } while (0) jumps past everything after it in the block, unlock
 * included.  A lock taken and released inside a statement expression
 * ({ ... }) is balanced like any other block.
 *
 * When most exits return holding the lock (a "begin" function whose
 * caller unlocks), the odd exit is the one that does not.
 */
#include "../include/kernel-stubs.h"

enum my_op { MY_OP_PIN, MY_OP_UNPIN, MY_OP_QUERY };
enum my_state { MY_STATE_IDLE, MY_STATE_ACTIVE, MY_STATE_RETIRED };
enum my_access { MY_ACCESS_READ, MY_ACCESS_WRITE };

struct my_device {
	struct mutex lock;
	spinlock_t state_lock;
	u32 pending_events;
	int readers;
	bool writer;
};

struct my_gem_object {
	struct drm_gem_object base;
	struct my_device *mdev;
	int state;
	int pin_count;
};

void my_obj_wait_idle(struct my_gem_object *obj);
void my_obj_release_pages(struct my_gem_object *obj);

/* Every case unlocks before it breaks or returns. */
static int good_switch_unlock_each_case(struct my_gem_object *obj, int op)
{
	struct my_device *mdev = obj->mdev;

	mutex_lock(&mdev->lock);
	switch (op) {
	case MY_OP_PIN:
		obj->pin_count++;
		mutex_unlock(&mdev->lock);
		break;
	case MY_OP_UNPIN:
		obj->pin_count--;
		mutex_unlock(&mdev->lock);
		break;
	default:
		mutex_unlock(&mdev->lock);
		return -EINVAL;
	}
	return 0;
}

/* The whole switch is inside the locked region; cases fall through. */
static int good_switch_inside_lock(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	int ret = 0;

	mutex_lock(&mdev->lock);
	switch (obj->state) {
	case MY_STATE_IDLE:
		obj->state = MY_STATE_ACTIVE;
		break;
	case MY_STATE_ACTIVE:
		/* fall through */
	case MY_STATE_RETIRED:
		ret = -EBUSY;
		break;
	default:
		ret = -EINVAL;
		break;
	}
	mutex_unlock(&mdev->lock);
	return ret;
}

/* break out of do { } while (0) lands before the unlock. */
static bool good_do_while_zero(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	bool retired = false;

	mutex_lock(&mdev->lock);
	do {
		if (obj->pin_count)
			break;
		if (obj->state != MY_STATE_IDLE)
			break;
		obj->state = MY_STATE_RETIRED;
		retired = true;
	} while (0);
	mutex_unlock(&mdev->lock);

	return retired;
}

/* Lock and unlock inside a statement expression. */
static u32 good_statement_expression(struct my_device *mdev)
{
	u32 pending = ({
		u32 v;

		spin_lock(&mdev->state_lock);
		v = mdev->pending_events;
		mdev->pending_events = 0;
		spin_unlock(&mdev->state_lock);
		v;
	});

	return pending;
}

/* The UNPIN case breaks without unlocking. */
static int bad_switch_case_missing_unlock(struct my_gem_object *obj, int op)
{
	struct my_device *mdev = obj->mdev;

	mutex_lock(&mdev->lock);
	switch (op) {
	case MY_OP_PIN:
		obj->pin_count++;
		mutex_unlock(&mdev->lock);
		break;
	case MY_OP_UNPIN:
		obj->pin_count--;
		break;
	default:
		mutex_unlock(&mdev->lock);
		return -EINVAL;
	}
	return 0; /* expect: LC008 */
}

/* ACTIVE unlocks to wait, then falls into IDLE, which unlocks again. */
static void bad_switch_fallthrough_double_unlock(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;

	mutex_lock(&mdev->lock);
	switch (obj->state) {
	case MY_STATE_ACTIVE:
		obj->state = MY_STATE_RETIRED;
		mutex_unlock(&mdev->lock);
		my_obj_wait_idle(obj);
		/* fall through */
	case MY_STATE_IDLE:
		mutex_unlock(&mdev->lock); /* expect: LC008 */
		my_obj_release_pages(obj);
		break;
	default:
		mutex_unlock(&mdev->lock);
		break;
	}
}

/*
 * Returns holding the lock for the caller's access, except for an unknown
 * mode: that exit drops the lock yet still returns 0, so the caller will
 * unlock it a second time.
 */
static int bad_begin_access_unknown_mode(struct my_device *mdev, int mode)
{
	mutex_lock(&mdev->lock);
	switch (mode) {
	case MY_ACCESS_READ:
		mdev->readers++;
		return 0;
	case MY_ACCESS_WRITE:
		mdev->writer = true;
		return 0;
	default:
		mutex_unlock(&mdev->lock);
		return 0; /* expect: LC008 */
	}
}

/* The pinned case breaks out of the block past the unlock inside it. */
static int bad_do_while_break_skips_unlock(struct my_gem_object *obj)
{
	struct my_device *mdev = obj->mdev;
	int ret = -EBUSY;

	mutex_lock(&mdev->lock);
	do {
		if (obj->pin_count)
			break;
		obj->state = MY_STATE_RETIRED;
		mutex_unlock(&mdev->lock);
		ret = 0;
	} while (0);
	return ret; /* expect: LC008 */
}
