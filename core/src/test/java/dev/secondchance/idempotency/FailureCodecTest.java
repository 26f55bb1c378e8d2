package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.idempotency.spi.Completion;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FailureCodecTest extends ExecutorTestBase {

    /** A business failure with a field a caller branches on. */
    static final class CardDeclinedException extends Exception {
        private static final long serialVersionUID = 1L;
        final String declineCode;

        CardDeclinedException(String declineCode) {
            super("card declined: " + declineCode);
            this.declineCode = declineCode;
        }
    }

    static final FailureCodec DECLINES = FailureCodec.forType(CardDeclinedException.class, e -> e.declineCode,
            CardDeclinedException::new);

    private final AtomicInteger runs = new AtomicInteger();

    private String decline() throws CardDeclinedException {
        runs.incrementAndGet();
        throw new CardDeclinedException("insufficient_funds");
    }

    private IdempotentExecutorBuilder<String> finalDeclines() {
        return builder(memory).failurePolicy(FailurePolicy.finalWhen(CardDeclinedException.class::isInstance));
    }

    @Test
    void execute_whenACodecKnowsTheFinalFailure_replaysItAsTheOriginalTypeMarkedAsReplayed() {
        IdempotentExecutor<String> executor = finalDeclines().failureCodec(DECLINES).build();

        CardDeclinedException first = assertThrows(CardDeclinedException.class,
                () -> executor.execute(token, REQUEST, this::decline));
        CardDeclinedException replayed = assertThrows(CardDeclinedException.class,
                () -> executor.execute(token, REQUEST, this::decline));

        assertEquals(0, first.getSuppressed().length);
        assertEquals("insufficient_funds", replayed.declineCode);
        ReplayedFailureException marker = assertInstanceOf(ReplayedFailureException.class, replayed.getSuppressed()[0]);
        assertEquals(CardDeclinedException.class.getName(), marker.failureType());
        assertEquals(1, runs.get());
    }

    @Test
    void execute_withoutACodec_replaysAsReplayedFailureExceptionWithoutTheMessage() {
        IdempotentExecutor<String> executor = finalDeclines().build();
        assertThrows(CardDeclinedException.class, () -> executor.execute(token, REQUEST, this::decline));

        ReplayedFailureException replayed = assertThrows(ReplayedFailureException.class,
                () -> executor.execute(token, REQUEST, this::decline));

        assertEquals(CardDeclinedException.class.getName(), replayed.failureType());
        assertNull(replayed.failureMessage());
        assertEquals(1, runs.get());
    }

    @Test
    void execute_whenTheCodecKnowsAnotherType_recordsAndReplaysByDefault() {
        FailureCodec other = FailureCodec.forType(IllegalStateException.class, e -> "x", IllegalStateException::new);
        IdempotentExecutor<String> executor = finalDeclines().failureCodec(other).build();
        assertThrows(CardDeclinedException.class, () -> executor.execute(token, REQUEST, this::decline));

        assertThrows(ReplayedFailureException.class, () -> executor.execute(token, REQUEST, this::decline));
    }

    @Test
    void execute_whenTheCodecCannotRebuild_replaysAsReplayedFailureExceptionWithItsFailureAsCause() {
        FailureCodec broken = FailureCodec.forType(CardDeclinedException.class, e -> e.declineCode, code -> {
            throw new IllegalArgumentException("unknown decline code " + code);
        });
        IdempotentExecutor<String> executor = finalDeclines().failureCodec(broken).build();
        assertThrows(CardDeclinedException.class, () -> executor.execute(token, REQUEST, this::decline));

        ReplayedFailureException replayed = assertThrows(ReplayedFailureException.class,
                () -> executor.execute(token, REQUEST, this::decline));

        assertInstanceOf(IllegalArgumentException.class, replayed.getCause());
        assertEquals("insufficient_funds", replayed.failureMessage());
    }

    @Test
    void execute_whenTheEncodingIsTooLong_recordsByClassNameAndStillNeverRunsAgain() {
        FailureCodec verbose = FailureCodec.forType(CardDeclinedException.class, e -> "x".repeat(5000),
                CardDeclinedException::new);
        IdempotentExecutor<String> executor = finalDeclines().failureCodec(verbose).build();
        assertThrows(CardDeclinedException.class, () -> executor.execute(token, REQUEST, this::decline));

        CardDeclinedException replayed = assertThrows(CardDeclinedException.class,
                () -> executor.execute(token, REQUEST, this::decline));

        assertNull(replayed.declineCode, "rebuilt from the default record, which has no text");
        assertEquals(1, runs.get());
    }

    @Test
    void execute_whenTheEncodingIsExactlyTheLimit_keepsIt() {
        String longest = "x".repeat(Completion.MAX_FAILURE_MESSAGE);
        FailureCodec verbose = FailureCodec.forType(CardDeclinedException.class, e -> longest,
                CardDeclinedException::new);
        IdempotentExecutor<String> executor = finalDeclines().failureCodec(verbose).build();
        assertThrows(CardDeclinedException.class, () -> executor.execute(token, REQUEST, this::decline));

        CardDeclinedException replayed = assertThrows(CardDeclinedException.class,
                () -> executor.execute(token, REQUEST, this::decline));

        assertEquals(longest, replayed.declineCode);
        assertEquals(1, runs.get());
    }

    @Test
    void executeAsync_whenACodecKnowsTheFinalFailure_completesWithTheOriginalType() throws Exception {
        IdempotentExecutor<String> executor = finalDeclines().failureCodec(IllegalStateCodec.INSTANCE.or(DECLINES))
                .build();
        CompletableFuture<String> first = executor.executeAsync(token, REQUEST,
                () -> CompletableFuture.failedFuture(new CardDeclinedException("expired_card")));
        time.advance(Duration.ZERO);
        CompletableFuture<String> replay = executor.executeAsync(token, REQUEST,
                () -> CompletableFuture.completedFuture("ran again"));
        time.advance(Duration.ZERO);

        assertInstanceOf(CardDeclinedException.class, assertThrows(ExecutionException.class, first::get).getCause());
        CardDeclinedException replayed = assertInstanceOf(CardDeclinedException.class,
                assertThrows(ExecutionException.class, replay::get).getCause());
        assertEquals("expired_card", replayed.declineCode);
        assertNotNull(replayed.getSuppressed()[0]);
    }

    /** A second codec, to show that {@link FailureCodec#or} asks the next one. */
    enum IllegalStateCodec implements FailureCodec {
        INSTANCE;

        @Override
        public String encode(Throwable failure) {
            return failure instanceof IllegalStateException ? "state" : null;
        }

        @Override
        public Exception decode(String failureType, String encoded) {
            return IllegalStateException.class.getName().equals(failureType) ? new IllegalStateException() : null;
        }
    }
}
