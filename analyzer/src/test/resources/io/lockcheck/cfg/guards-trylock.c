int guards(struct dev *d)
{
	int ret;

	guard(mutex)(&d->lock);
	scoped_guard(spinlock_irqsave, &d->irq_lock) {
		if (d->busy)
			return -EBUSY;
		d->irq = 1;
	}
	if (!mutex_trylock(&d->other))
		return -EAGAIN;
	ret = mutex_lock_interruptible(&d->third);
	if (ret)
		goto out;
	d->x = ({ int v = d->y; v + 1; });
	mutex_unlock(&d->third);
out:
	mutex_unlock(&d->other);
	return ret;
}
