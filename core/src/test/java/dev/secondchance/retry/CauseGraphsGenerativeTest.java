package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.FailurePolicy;
import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.OutcomeUnknownException;
import dev.secondchance.idempotency.ReplayedFailureException;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.internal.Causes;
import dev.secondchance.retry.testing.VirtualTime;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Seeded generative tests of every cause walk (issue 15, item 3): exception graphs whose causes form cycles
 * ({@code a.initCause(b); b.initCause(a)}, longer rings, a chain that loops back into itself) or chains 10,000
 * deep, made of the types the walks look for (async wrappers, I/O failures, interruptions), go through
 * {@code Causes}, every classifier of {@link Classifiers}, {@link FailurePolicy}, the sync and async loops and
 * the idempotent executor. Every walk ends, within seconds, without an exception of its own. Each repetition
 * prints its seed; rerun one with {@code -Dsc.seed=<seed>}.
 */
class CauseGraphsGenerativeTest {

    private static final long BASE_SEED = 0xCA05_E5L;
    private static final int GRAPHS_PER_SEED = 100;

    // ------------------------------------------------------------------ generators

    private static final class AsyncWrapper extends CompletionException {
        private static final long serialVersionUID = 1L;

        AsyncWrapper(String message) {
            super(message);
        }
    }

    private static final class FutureWrapper extends ExecutionException {
        private static final long serialVersionUID = 1L;

        FutureWrapper(String message) {
            super(message);
        }
    }

    /** One node without a cause yet, of a type some walk looks for. */
    static Throwable node(Random random, int i) {
        String message = "node " + i;
        switch (random.nextInt(9)) {
            case 0: return new AsyncWrapper(message);
            case 1: return new FutureWrapper(message);
            case 2: return new IOException(message);
            case 3: return new ConnectException(message);
            case 4: return new SocketTimeoutException(message);
            case 5: return new HttpTimeoutException(message);
            case 6: return new InterruptedIOException(message);
            case 7: return new IllegalStateException(message);
            default: return new RuntimeException(message);
        }
    }

    /**
     * A chain of 1 to 40 nodes whose last node's cause is an earlier node (a cycle; a ring when it is the first;
     * {@code a.initCause(b); b.initCause(a)} when there are two), sometimes through an
     * {@link UncheckedIOException} (whose cause is set by its constructor).
     */
    static Throwable cyclic(Random random) {
        int length = 1 + random.nextInt(random.nextBoolean() ? 2 : 40);
        List<Throwable> nodes = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            nodes.add(node(random, i));
        }
        for (int i = 0; i + 1 < length; i++) {
            nodes.get(i).initCause(nodes.get(i + 1));
        }
        Throwable last = nodes.get(length - 1);
        Throwable back = nodes.get(random.nextInt(length));
        if (last instanceof IOException io && random.nextBoolean()) {
            last.initCause(new UncheckedIOException("unchecked", io)); // io -> unchecked -> io
        } else if (back != last) {
            last.initCause(back);
        } else {
            Throwable other = node(random, length);
            last.initCause(other);
            other.initCause(last);
        }
        return nodes.get(0);
    }

    /** A chain 10,000 deep of async wrappers or plain wrappers, ending in a transient I/O failure. */
    static Throwable deep(Random random) {
        Throwable current = new ConnectException("bottom");
        for (int i = 0; i < 10_000; i++) {
            // messages of their own: a wrapper made with (cause) copies its cause's text, 10,000 times over
            current = random.nextBoolean() ? new CompletionException("wrap " + i, current)
                    : new RuntimeException("wrap " + i, current);
        }
        return current;
    }

    /** A cyclic graph, or one in ten times one of the repetition's two deep chains (costly to build: 10,000 traces). */
    static Throwable graph(Random random, Throwable[] deepChains) {
        return random.nextInt(10) == 0 ? deepChains[random.nextInt(deepChains.length)] : cyclic(random);
    }

    static Throwable[] deepChains(Random random) {
        return new Throwable[] {deep(random), deep(random)};
    }

    static Random random(RepetitionInfo repetition) {
        String fixed = System.getProperty("sc.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : BASE_SEED + repetition.getCurrentRepetition();
        System.out.println(CauseGraphsGenerativeTest.class.getSimpleName() + " seed=" + seed);
        return new Random(seed);
    }

    // ------------------------------------------------------------------ properties

    @RepeatedTest(10)
    void causesAndClassifiers_whenGraphsHaveCyclesOrAreDeep_endWithAnAnswer(RepetitionInfo repetition) {
        Random random = random(repetition);
        Throwable[] deepChains = deepChains(random);
        List<RetryClassifier> classifiers = new ArrayList<>(Classifiers.defaults());
        classifiers.add(Classifiers.httpThrottling(java.util.Set.of(429)));
        FailurePolicy fromClassifier = FailurePolicy.fromClassifier(Classifiers.transientIo());
        FailurePolicy releaseOnConnect = FailurePolicy.releaseWhen(
                failure -> Causes.find(failure, ConnectException.class::isInstance) != null);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < GRAPHS_PER_SEED; i++) {
                Throwable failure = graph(random, deepChains);
                assertNotNull(Causes.unwrapAsync(failure));
                Causes.find(failure, t -> false);
                Causes.findCause(failure, Error.class);
                for (RetryClassifier classifier : classifiers) {
                    assertNotNull(classifier.classifyFailure(failure));
                }
                assertNotNull(fromClassifier.classify(failure));
                assertNotNull(releaseOnConnect.classify(failure));
                assertNotNull(FailurePolicy.defaults().classify(failure));
                assertNotNull(failure.toString());
            }
        });
    }

    @RepeatedTest(4)
    void syncAndAsyncCalls_whenAttemptsFailWithCyclesOrDeepChains_endAndRethrowTheFailure(RepetitionInfo repetition) {
        Random random = random(repetition);
        Throwable[] deepChains = deepChains(random);
        VirtualTime time = new VirtualTime().autoRun();
        RetryPolicy policy = time.install(RetryPolicy.builder()).maxAttempts(3).budget(RetryBudget.unlimited())
                .recordMetrics().build();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < GRAPHS_PER_SEED / 4; i++) {
                Throwable failure = graph(random, deepChains);
                Exception thrown = assertThrows(Exception.class, () -> policy.call(() -> {
                    throw failure instanceof Exception e ? e : new RuntimeException(failure);
                }));
                assertTrue(RetriesEnded.of(thrown).isPresent(), "the failure carries its record");

                CompletableFuture<Object> async = policy.callAsync(() -> CompletableFuture.failedFuture(failure));
                ExecutionException ended = assertThrows(ExecutionException.class,
                        () -> async.get(10, TimeUnit.SECONDS));
                assertNotNull(ended.getCause());
            }
        });
        assertEquals(policy.metrics().calls(), policy.metrics().endings().values().stream()
                .mapToLong(Long::longValue).sum(), "every call ended");
    }

    @RepeatedTest(4)
    void idempotentExecutor_whenTheOperationFailsWithCyclesOrDeepChains_recordsItAndReplaysATypedError(
            RepetitionInfo repetition) {
        Random random = random(repetition);
        Throwable[] deepChains = deepChains(random);
        VirtualTime time = new VirtualTime().autoRun();
        IdempotencyStore store = IdempotencyStore.inMemory(time.wallClock(), 1024);
        IdempotentExecutor<String> unknown = IdempotentExecutor.builder(store, ResultCodec.utf8())
                .clock(time.wallClock()).ticker(time).sleeper(time).scheduler(time).build();
        IdempotentExecutor<String> finalFailures = unknown.toBuilder()
                .failurePolicy(FailurePolicy.fromClassifier(Classifiers.transientIo())).keyPrefix("final").build();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < GRAPHS_PER_SEED / 4; i++) {
                Throwable failure = graph(random, deepChains);
                Exception cause = failure instanceof Exception e ? e : new RuntimeException(failure);
                for (IdempotentExecutor<String> executor : List.of(unknown, finalFailures)) {
                    String token = IdempotencyTokens.random();
                    Exception first = assertThrows(Exception.class,
                            () -> executor.execute(token, Fingerprint.sha256(token), () -> {
                                throw cause;
                            }));
                    assertSame(cause, first, "the first caller gets the failure itself");
                    Exception replay = assertThrows(Exception.class,
                            () -> executor.execute(token, Fingerprint.sha256(token), () -> "ran again"));
                    assertTrue(replay instanceof OutcomeUnknownException || replay instanceof ReplayedFailureException,
                            "a later caller gets a typed error, not " + replay);
                }
            }
        });
    }
}
