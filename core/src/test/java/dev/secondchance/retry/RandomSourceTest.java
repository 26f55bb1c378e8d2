package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RandomSourceTest {

    @Test
    void seeded_whenSeedsAreConsecutive_firstDrawsSpreadOverTheUnitInterval() {
        int seeds = 1_000;
        int[] deciles = new int[10];
        for (long seed = 10; seed < 10 + seeds; seed++) {
            deciles[(int) (RandomSource.seeded(seed).nextDouble() * 10)]++;
        }

        for (int decile = 0; decile < 10; decile++) {
            assertTrue(deciles[decile] > 60 && deciles[decile] < 140,
                    "one process per seed (base + i) must not jitter in step; deciles: " + Arrays.toString(deciles));
        }
    }

    @Test
    void seeded_whenDrawnOnOneThread_givesTheDoublesOfSplittableRandom() {
        RandomSource source = RandomSource.seeded(2015);
        SplittableRandom reference = new SplittableRandom(2015);

        for (int i = 0; i < 1_000; i++) {
            assertEquals(reference.nextDouble(), source.nextDouble());
        }
    }

    @Test
    void seeded_whenTheSameSeed_repeatsItsSequence() {
        RandomSource first = RandomSource.seeded(7);
        RandomSource second = RandomSource.seeded(7);

        for (int i = 0; i < 100; i++) {
            assertEquals(first.nextDouble(), second.nextDouble());
        }
    }

    @Test
    void seeded_whenDrawnByManyThreads_losesNoDrawAndRepeatsNone() throws InterruptedException {
        RandomSource source = RandomSource.seeded(42);
        int threads = 4;
        int draws = 10_000;
        Set<Double> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < draws; i++) {
                    seen.add(source.nextDouble());
                }
            });
            workers[t].start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }

        SplittableRandom reference = new SplittableRandom(42);
        Set<Double> expected = new HashSet<>();
        for (int i = 0; i < threads * draws; i++) {
            expected.add(reference.nextDouble());
        }
        assertEquals(expected, seen, "the draws of all threads are exactly the first n of the sequence");
    }
}
