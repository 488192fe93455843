int unwind(struct dev *d)
{
	int ret;

	mutex_lock(&d->lock);
	ret = setup(d);
	if (ret)
		goto out_unlock;
	if (!d->ready || d->dead)
		goto out_put;
	mutex_unlock(&d->lock);
	return 0;
out_put:
	put(d);
out_unlock:
	mutex_unlock(&d->lock);
	return ret;
}
