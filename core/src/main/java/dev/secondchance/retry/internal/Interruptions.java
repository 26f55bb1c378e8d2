package dev.secondchance.retry.internal;

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
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 8; depth++, current = current.getCause()) {
            if (isInterruptionItself(current)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInterruptionItself(Throwable failure) {
        return failure instanceof InterruptedException
                || failure instanceof ClosedByInterruptException
                || (failure instanceof InterruptedIOException && !(failure instanceof SocketTimeoutException));
    }
}
