package dev.secondchance.internal;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class CausesTest {

    /** An exception whose cause can be set to itself's ancestor, making a cycle. */
    private static final class Loop extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private Throwable cause;

        @Override
        public Throwable getCause() {
            return cause;
        }
    }

    @Test
    void find_whenChainIsCyclic_endsAtTheDepthBoundWithoutFinding() {
        Loop a = new Loop();
        Loop b = new Loop();
        a.cause = b;
        b.cause = a;

        assertNull(Causes.find(a, IOException.class::isInstance));
    }

    @Test
    void find_whenNested_returnsTheFirstMatchIncludingTheFailureItself() {
        IOException io = new IOException("reset");
        RuntimeException wrapper = new RuntimeException(new UncheckedIOException(io));

        assertSame(io, Causes.find(wrapper, IOException.class::isInstance));
        assertSame(wrapper, Causes.find(wrapper, RuntimeException.class::isInstance));
        assertNull(Causes.findCause(io, IOException.class), "findCause skips the failure itself");
        assertSame(io, Causes.findCause(wrapper, IOException.class));
    }

    @Test
    void unwrapAsync_whenWrappedInCompletionAndExecution_returnsTheInnerFailure() {
        IOException io = new IOException("reset");

        assertSame(io, Causes.unwrapAsync(new CompletionException(new ExecutionException(io))));
        assertSame(io, Causes.unwrapAsync(io));
    }
}
