/*
 * LC008: spinlock and rwlock variants.
 *
 * spin_lock_irqsave(&l, flags) / spin_unlock_irqrestore(&l, flags),
 * spin_lock_bh() / spin_unlock_bh(), raw_spin_lock() / raw_spin_unlock()
 * and read_lock() / write_lock() on an rwlock_t all follow the mutex
 * rules: one release per acquire on every path.  The irq and bh variants
 * make a leak worse (interrupts or softirqs stay disabled on that CPU),
 * and a spinlock is never recursive: taking it again spins forever.
 *
 * rw_semaphores, ww_mutexes, reservation locks and RCU are in kinds.c.
 */
#include "../include/kernel-stubs.h"

struct my_packet {
	struct list_head node;
	u32 len;
};

struct my_device {
	spinlock_t irq_lock;
	spinlock_t tx_lock;
	raw_spinlock_t hw_lock;
	rwlock_t table_lock;
	struct list_head tx_queue;
	u32 irq_status;
	u32 hw_shadow;
	u32 table_size;
	bool hw_busy;
	bool tx_full;
};

void my_hw_write(struct my_device *mdev, u32 val);
void my_hw_poll(struct my_device *mdev);
bool my_table_has(struct my_device *mdev, u32 id);
void my_table_set(struct my_device *mdev, u32 id, u32 val);
void my_dev_kick_worker(struct my_device *mdev);

/* A raw spinlock nested inside a bh spinlock, released in reverse. */
static void good_bh_with_raw_inside(struct my_device *mdev,
				    struct my_packet *pkt)
{
	spin_lock_bh(&mdev->tx_lock);
	list_add_tail(&pkt->node, &mdev->tx_queue);

	raw_spin_lock(&mdev->hw_lock);
	my_hw_write(mdev, pkt->len);
	raw_spin_unlock(&mdev->hw_lock);

	spin_unlock_bh(&mdev->tx_lock);
}

/* irqsave/irqrestore with the flags in a local. */
static u32 good_irqsave_restore(struct my_device *mdev)
{
	unsigned long flags;
	u32 status;

	spin_lock_irqsave(&mdev->irq_lock, flags);
	status = mdev->irq_status;
	mdev->irq_status = 0;
	spin_unlock_irqrestore(&mdev->irq_lock, flags);

	return status;
}

/* The guard form: break leaves the block and restores interrupts. */
static void good_scoped_guard_irqsave_break(struct my_device *mdev,
					    u32 status)
{
	scoped_guard(spinlock_irqsave, &mdev->irq_lock) {
		if (!status)
			break;
		mdev->irq_status |= status;
	}
	my_dev_kick_worker(mdev);
}

/* Check under the read side of an rwlock, update under the write side. */
static void good_rwlock_read_then_write(struct my_device *mdev, u32 id,
					u32 val)
{
	unsigned long flags;
	bool present;

	read_lock(&mdev->table_lock);
	present = my_table_has(mdev, id);
	read_unlock(&mdev->table_lock);
	if (!present)
		return;

	write_lock_irqsave(&mdev->table_lock, flags);
	my_table_set(mdev, id, val);
	write_unlock_irqrestore(&mdev->table_lock, flags);
}

/* The retry jumps back above the lock while still holding it. */
static void bad_irqsave_retry_goto(struct my_device *mdev)
{
	unsigned long flags;

retry:
	spin_lock_irqsave(&mdev->irq_lock, flags); /* expect: LC008 */
	if (mdev->hw_busy) {
		my_hw_poll(mdev);
		goto retry;
	}
	mdev->irq_status = 0;
	spin_unlock_irqrestore(&mdev->irq_lock, flags);
}

/* The queue-full branch unlocks, then the common exit unlocks again. */
static int bad_bh_unlock_twice(struct my_device *mdev, struct my_packet *pkt)
{
	int ret = 0;

	spin_lock_bh(&mdev->tx_lock);
	if (mdev->tx_full) {
		spin_unlock_bh(&mdev->tx_lock);
		ret = -EAGAIN;
		goto out;
	}
	list_add_tail(&pkt->node, &mdev->tx_queue);
out:
	spin_unlock_bh(&mdev->tx_lock); /* expect: LC008 */
	return ret;
}

/* The range check returns with the read lock held. */
static bool bad_read_lock_early_return(struct my_device *mdev, u32 id)
{
	bool present;

	read_lock(&mdev->table_lock);
	if (id >= mdev->table_size)
		return false; /* expect: LC008 */
	present = my_table_has(mdev, id);
	read_unlock(&mdev->table_lock);
	return present;
}

/* The "unchanged" shortcut unlocks; the write path falls off the end. */
static void bad_raw_spin_fallthrough_locked(struct my_device *mdev, u32 val)
{
	raw_spin_lock(&mdev->hw_lock);
	if (val == mdev->hw_shadow) {
		raw_spin_unlock(&mdev->hw_lock);
		return;
	}
	mdev->hw_shadow = val;
	my_hw_write(mdev, val);
} /* expect: LC008 */
