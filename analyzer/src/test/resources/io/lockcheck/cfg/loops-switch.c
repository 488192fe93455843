void loops(struct dev *d, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (d->skip)
			continue;
		if (d->stop)
			break;
		spin_lock(&d->lock);
		d->count++;
		spin_unlock(&d->lock);
	}
	do {
		d->tries++;
	} while (0);
	switch (d->mode) {
	case 1:
		d->a = 1;
		break;
	case 2:
		d->b = 2;
	default:
		d->c = 3;
	}
	while (!READ_ONCE(d->done))
		cpu_relax();
}
