/*
 * The robustness suite's sentinel: analysed next to every broken input, its findings must
 * all survive. Every name starts with rbx_ so that no generated input can legitimately
 * change them (guards are declared, callees are its own).
 */
struct rbx_dev {
	struct mutex lock;
	spinlock_t irq_lock;
	int count __guarded_by(&lock);
	u32 status __guarded_by(&irq_lock);
	struct rbx_dev *next;
	int busy;
};

/* LC002: a guarded field written without its lock. */
static void bad_rbx_unlocked_write(struct rbx_dev *d)
{
	d->count = 0;
}

/* LC001: a guarded field read without its lock. */
static int bad_rbx_unlocked_read(struct rbx_dev *d)
{
	return d->count;
}

/* LC008: an early return inside the locked region. */
static int bad_rbx_return_locked(struct rbx_dev *d, int v)
{
	mutex_lock(&d->lock);
	if (v < 0)
		return -EINVAL;
	d->count = v;
	mutex_unlock(&d->lock);
	return 0;
}

/* LC008: the same lock taken twice. */
static void bad_rbx_double_lock(struct rbx_dev *d)
{
	spin_lock(&d->irq_lock);
	d->status = 1;
	spin_lock(&d->irq_lock);
	spin_unlock(&d->irq_lock);
}

static void good_rbx_locked(struct rbx_dev *d)
{
	mutex_lock(&d->lock);
	d->count++;
	mutex_unlock(&d->lock);
}
