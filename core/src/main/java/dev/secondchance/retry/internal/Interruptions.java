package dev.secondchance.retry.internal;

import dev.secondchance.internal.Causes;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;

/**
 * Recognises failures that mean "this thread was interrupted", as opposed to I/O timeouts, also when a
 * client library wraps the interruption (the AWS SDK's {@code AbortedException} has it as its cause).
 */
final class Interruptions {

    private Interruptions() {}

    static boolean isInterruption(Throwable failure) {
        return Causes.find(failure, Interruptions::isInterruptionItself) != null;
    }

    private static boolean isInterruptionItself(Throwable failure) {
        return failure instanceof InterruptedException
                || failure instanceof ClosedByInterruptException
                || (failure instanceof InterruptedIOException && !(failure instanceof SocketTimeoutException));
    }
}
