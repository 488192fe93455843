package io.lockcheck.lsp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs analyses off the LSP message loop, one at a time, on one worker thread: an analysis
 * already uses every core for its files and functions, so two at once would only compete.
 * Each request has a key (the document's URI); a newer request for the same key supersedes
 * an older one: a queued one is skipped and a running one's result is dropped (the analyzer
 * cannot be stopped midway, so it runs to its end).
 */
final class AnalysisQueue implements AutoCloseable {
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "lockcheck-lsp-analysis");
        t.setDaemon(true); // never keeps the JVM alive after the client has gone
        return t;
    });
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, Long> latest = new ConcurrentHashMap<>();

    /**
     * Runs {@code work} on the worker and hands its result to {@code publish}, unless a newer
     * request or a {@link #cancel} for {@code key} came in meanwhile. A throwable from
     * {@code work} goes to {@code failed} instead; the worker goes on with the next request.
     */
    <R> void submit(String key, Supplier<R> work, Consumer<R> publish, Consumer<Throwable> failed) {
        long request = requests.incrementAndGet();
        latest.put(key, request);
        try {
            worker.execute(() -> {
                if (!current(key, request)) {
                    return; // superseded while it waited
                }
                R result;
                try {
                    result = work.get();
                } catch (Throwable t) { // StackOverflowError and OOM too: the server must stay up
                    failed.accept(t);
                    return;
                }
                synchronized (this) { // against a cancel() between the check and the publication
                    if (current(key, request)) {
                        publish.accept(result);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // after close(): the server is shutting down and publishes nothing more
        }
    }

    /**
     * Drops every request for {@code key}, queued or running, then runs {@code then}: no result
     * of an earlier request is published after it.
     */
    synchronized void cancel(String key, Runnable then) {
        latest.remove(key);
        then.run();
    }

    private boolean current(String key, long request) {
        Long l = latest.get(key);
        return l != null && l == request;
    }

    /**
     * Stops taking requests and publishes nothing more; queued ones are skipped and a running
     * one is left to end on its own (its thread is a daemon). Not interrupted: an interrupt
     * while it writes to an interruptible channel would close the connection to the client.
     */
    @Override
    public void close() {
        synchronized (this) {
            latest.clear();
        }
        worker.shutdown();
    }

    /** For tests: waits until every request taken so far has run or been skipped. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        try {
            worker.execute(done::countDown);
        } catch (RejectedExecutionException e) {
            return true;
        }
        return done.await(timeout, unit);
    }
}
