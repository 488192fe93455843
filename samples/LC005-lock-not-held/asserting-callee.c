/*
 * LC005: calling a function that asserts a lock without holding it.
 *
 * A helper that starts with lockdep_assert_held(&dev->lock), or is
 * declared __must_hold(&dev->lock), tells its callers to hold that lock.
 * With lockdep on, a caller without it gets a splat at run time; without
 * lockdep, the helper changes what the lock protects unprotected.
 *
 * Not a bug: a caller that takes the lock (mutex_lock(), guard(),
 * scoped_guard()) around the call, asserts it itself, or is itself called
 * with it held by all of its callers.
 */
#include "../include/kernel-stubs.h"

struct my_ac_device {
	struct mutex lock;
	int users;
	bool ready;
};

/* The lock-holding helpers. */
static void my_ac_get_locked(struct my_ac_device *dev)
{
	lockdep_assert_held(&dev->lock);
	dev->users++;
}

static void my_ac_put_locked(struct my_ac_device *dev)
	__must_hold(&dev->lock)
{
	dev->users--;
}

static void good_ac_get(struct my_ac_device *dev)
{
	mutex_lock(&dev->lock);
	my_ac_get_locked(dev);
	mutex_unlock(&dev->lock);
}

static void good_ac_put_guarded(struct my_ac_device *dev)
{
	guard(mutex)(&dev->lock);
	my_ac_put_locked(dev);
}

static void good_ac_cycle(struct my_ac_device *dev)
{
	scoped_guard(mutex, &dev->lock) {
		my_ac_get_locked(dev);
		my_ac_put_locked(dev);
	}
}

/* Forgot the lock: the other callers show it is needed. */
static void bad_ac_get_unlocked(struct my_ac_device *dev)
{
	my_ac_get_locked(dev); /* expect: LC005 */
}

/* Dropped the lock one call too early. */
static void bad_ac_put_after_unlock(struct my_ac_device *dev)
{
	mutex_lock(&dev->lock);
	dev->ready = false;
	mutex_unlock(&dev->lock);
	my_ac_put_locked(dev); /* expect: LC005 */
}

/* Holds the lock on one path only. */
static void bad_ac_get_if_ready(struct my_ac_device *dev, bool wait)
{
	if (wait)
		mutex_lock(&dev->lock);
	my_ac_get_locked(dev); /* expect: LC005 */
	if (wait)
		mutex_unlock(&dev->lock);
}

/* A lock of another device is not this device's lock. */
static void bad_ac_get_other(struct my_ac_device *dev, struct mutex *other)
{
	mutex_lock(other);
	my_ac_get_locked(dev); /* expect: LC005 */
	mutex_unlock(other);
}

/* Asserting it itself hands the duty on to this function's callers. */
static void good_ac_get_twice_locked(struct my_ac_device *dev)
{
	lockdep_assert_held(&dev->lock);
	my_ac_get_locked(dev);
	my_ac_get_locked(dev);
}

static void good_ac_get_twice(struct my_ac_device *dev)
{
	mutex_lock(&dev->lock);
	good_ac_get_twice_locked(dev);
	mutex_unlock(&dev->lock);
}

/*
 * A locking helper lockcheck cannot see into (in fast mode, a static inline
 * in a header), called on the device: the lock may well be held, so the
 * call is not judged.
 */
void my_ac_device_lock(struct my_ac_device *dev);
void my_ac_device_unlock(struct my_ac_device *dev);

static void good_ac_get_via_helper(struct my_ac_device *dev)
{
	my_ac_device_lock(dev);
	my_ac_get_locked(dev);
	my_ac_device_unlock(dev);
}
