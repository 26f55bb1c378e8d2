package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The caller's cancellation racing the last attempt's completion, on two threads released together: the call
 * ends once, whichever wins. A listener holds an attempt the loop has taken until the cancellation has begun, and
 * each trial lets the two sides go a random few spins apart, so that over the trials their ends meet within
 * nanoseconds. The assertion holds on any schedule, so the test is not flaky; an end written with a
 * check-then-write instead of a compare-and-set double-ends about one trial in twenty here.
 */
class AsyncCancelRaceTest {

    private static final int TRIALS = 20_000;
    private static final int MAX_LAG = 64;

    @Test
    void callAsync_whenCancelledWhileTheLastAttemptCompletes_endsTheCallExactlyOnce() {
        AtomicInteger ends = new AtomicInteger();
        AtomicReference<CompletableFuture<String>> current = new AtomicReference<>();
        SplittableRandom random = new SplittableRandom(7);
        int[] lag = new int[1];
        RetryPolicy policy = RetryPolicy.builder()
                .maxAttempts(1)
                .listener(new RetryListener() {
                    @Override
                    public void onAttemptEnded(int attempt, long durationNanos, Verdict verdict, Object result,
                            Throwable failure) {
                        holdUntilCancelled(current.get(), lag[0]);
                    }

                    @Override
                    public void onCallEnded(EndReason reason, int attempts, long durationNanos, Object result,
                            Throwable failure) {
                        ends.incrementAndGet();
                    }
                })
                .build();
        try (Race race = new Race()) {
            for (int trial = 0; trial < TRIALS; trial++) {
                CompletableFuture<String> attempt = new CompletableFuture<>();
                CompletableFuture<String> call = policy.callAsync(() -> attempt);
                current.set(call);
                lag[0] = random.nextInt(MAX_LAG);
                race.run(() -> attempt.complete("done"), random.nextInt(MAX_LAG), () -> call.cancel(false),
                        random.nextInt(MAX_LAG));
            }
        }

        assertEquals(TRIALS, ends.get(), "every call ends once, whether the attempt or the cancellation came first");
    }

    /**
     * Holds an attempt that the loop has taken (so the call is about to end) until the caller's cancellation
     * has begun, then lets it go a few spins later: both ends then run at nearly the same time.
     */
    private static void holdUntilCancelled(CompletableFuture<?> call, int lag) {
        for (int waits = 0; !call.isCancelled(); waits++) {
            Race.pause(waits);
        }
        Race.spin(lag);
    }

    /** Runs one action here and one on a spinning partner thread, released by the same write. */
    private static final class Race implements AutoCloseable {
        private final AtomicInteger round = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile Runnable partnerAction;
        private volatile int partnerSpins;
        private final Thread partner = new Thread(this::partnerLoop, "race-partner");

        Race() {
            partner.setDaemon(true);
            partner.start();
        }

        void run(Runnable here, int spinsHere, Runnable there, int spinsThere) {
            partnerAction = there;
            partnerSpins = spinsThere;
            int next = round.incrementAndGet();
            spin(spinsHere);
            here.run();
            for (int waits = 0; done.get() != next; waits++) {
                pause(waits);
            }
        }

        private void partnerLoop() {
            int seen = 0;
            for (int waits = 0; ; waits++) {
                int now = round.get();
                if (now == seen) {
                    pause(waits);
                    continue;
                }
                if (now < 0) {
                    return;
                }
                seen = now;
                waits = 0;
                spin(partnerSpins);
                try {
                    partnerAction.run();
                } finally {
                    done.set(now);
                }
            }
        }

        /** Spins while the other side is running, yields if it seems descheduled (a loaded machine). */
        static void pause(int waits) {
            if (waits < 10_000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }

        static void spin(int spins) {
            for (int i = 0; i < spins; i++) {
                Thread.onSpinWait();
            }
        }

        @Override
        public void close() {
            round.set(-1);
            try {
                partner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
