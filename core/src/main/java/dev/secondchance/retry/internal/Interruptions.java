package dev.secondchance.retry.internal;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;

/** Recognises failures that mean "this thread was interrupted", as opposed to I/O timeouts. */
final class Interruptions {

    private Interruptions() {}

    static boolean isInterruption(Throwable failure) {
        return failure instanceof InterruptedException
                || failure instanceof ClosedByInterruptException
                || (failure instanceof InterruptedIOException && !(failure instanceof SocketTimeoutException));
    }
}
