package dev.secondchance.retry.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs one task on several threads released together from a start line, for races in tests. */
public final class Concurrently {

    private Concurrently() {}

    /**
     * Starts {@code threads} threads, releases them at once, and waits for each to return.
     *
     * @param threads how many threads run the task
     * @param timeout how long to wait for each thread
     * @param task what each thread runs
     * @param <T> the task's result
     * @return each thread's result, in start order
     * @throws Exception what a task threw (wrapped in an ExecutionException), or a timeout
     */
    public static <T> List<T> call(int threads, Duration timeout, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
