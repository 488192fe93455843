package io.lockcheck;

import io.lockcheck.flow.Summaries;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** The worker threads of a run ({@code --jobs}): maps over files and functions, and solves contracts. */
final class Jobs implements Summaries.Workers {
    /** Deeply nested kernel macros recurse deep in CDT; workers get a large stack. */
    private static final long WORKER_STACK = 512L << 20;

    interface Task<T, R> {
        R run(T t);
    }

    private final int jobs;

    Jobs(int jobs) {
        this.jobs = jobs;
    }

    @Override
    public int parallelism() {
        return jobs;
    }

    @Override
    public void runAll(List<Runnable> tasks) {
        map(tasks, t -> {
            t.run();
            return null;
        });
    }

    /** Maps {@code items} on the worker threads; results in input order. */
    <T, R> List<R> map(List<T> items, Task<T, R> task) {
        int n = Math.max(1, Math.min(jobs, items.size()));
        if (n == 1) {
            // one big-stack thread for all items, not one thread per item
            return onBigStack(() -> {
                List<R> out = new ArrayList<>();
                for (T t : items) out.add(task.run(t));
                return out;
            });
        }
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n,
                r -> {
                    Thread t = new Thread(null, r, "lockcheck-" + made.incrementAndGet(), WORKER_STACK);
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T t : items) futures.add(pool.submit(() -> task.run(t)));
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static <R> R onBigStack(Callable<R> c) {
        Object[] box = new Object[1];
        Throwable[] err = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                box[0] = c.call();
            } catch (Throwable e) {
                err[0] = e;
            }
        }, "lockcheck-1", WORKER_STACK);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (err[0] != null) throw new IllegalStateException(err[0]);
        @SuppressWarnings("unchecked") R r = (R) box[0];
        return r;
    }
}
