package io.lockcheck.lsp;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Supersession and cancellation, made deterministic by holding the worker on a latch. */
class AnalysisQueueTest {
    private final List<String> ran = new CopyOnWriteArrayList<>();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private void submit(AnalysisQueue q, String key, String name, Supplier<String> work) {
        q.submit(key, () -> {
            ran.add(name);
            return work.get();
        }, published::add, failures::add);
    }

    private static Supplier<String> blockedOn(CountDownLatch started, CountDownLatch release, String result) {
        return () -> {
            started.countDown();
            try {
                assertTrue(release.await(30, TimeUnit.SECONDS), "the test never released the worker");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result;
        };
    }

    @Test
    void newerRequestSupersedesRunningAndQueuedOnes() throws Exception {
        try (AnalysisQueue q = new AnalysisQueue()) {
            CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
            submit(q, "a.c", "first", blockedOn(started, release, "first"));
            assertTrue(started.await(30, TimeUnit.SECONDS));
            submit(q, "a.c", "second", () -> "second"); // queued behind the first
            submit(q, "b.c", "other", () -> "other"); // another file is not affected
            submit(q, "a.c", "third", () -> "third");
            release.countDown();
            assertTrue(q.awaitIdle(30, TimeUnit.SECONDS));
            assertEquals(List.of("first", "other", "third"), ran, "the queued 'second' is skipped");
            assertEquals(List.of("other", "third"), published, "the running 'first' is dropped");
            assertEquals(List.of(), failures);
        }
    }

    @Test
    void cancelDropsARunningRequestAndRunsItsActionFirst() throws Exception {
        try (AnalysisQueue q = new AnalysisQueue()) {
            CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
            submit(q, "a.c", "open", blockedOn(started, release, "open"));
            assertTrue(started.await(30, TimeUnit.SECONDS));
            q.cancel("a.c", () -> published.add("cleared"));
            release.countDown();
            assertTrue(q.awaitIdle(30, TimeUnit.SECONDS));
            assertEquals(List.of("cleared"), published);
        }
    }

    @Test
    void aFailureIsReportedAndTheWorkerGoesOn() throws Exception {
        try (AnalysisQueue q = new AnalysisQueue()) {
            submit(q, "a.c", "deep", () -> {
                throw new StackOverflowError();
            });
            submit(q, "b.c", "fine", () -> "fine");
            assertTrue(q.awaitIdle(30, TimeUnit.SECONDS));
            assertEquals(1, failures.size());
            assertTrue(failures.get(0) instanceof StackOverflowError);
            assertEquals(List.of("fine"), published);
        }
    }

    @Test
    void nothingRunsAfterClose() throws Exception {
        AnalysisQueue q = new AnalysisQueue();
        q.close();
        submit(q, "a.c", "late", () -> "late");
        assertTrue(q.awaitIdle(1, TimeUnit.SECONDS));
        assertEquals(List.of(), ran);
    }
}
