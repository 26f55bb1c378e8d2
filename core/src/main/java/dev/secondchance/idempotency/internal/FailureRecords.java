package dev.secondchance.idempotency.internal;

import dev.secondchance.idempotency.FailureCodec;
import dev.secondchance.idempotency.ReplayedFailureException;
import dev.secondchance.idempotency.spi.Completion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How a failure is written into a record and read back, through the executor's {@link FailureCodec}. */
final class FailureRecords {

    private static final Logger LOG = LoggerFactory.getLogger(FailureRecords.class);

    private FailureRecords() {}

    /** The record of a final failure: the codec's text, or else the message as the executor keeps it. */
    static Completion finalFailure(ExecutorSettings<?> settings, Throwable failure) {
        String type = failure.getClass().getName();
        String encoded;
        try {
            encoded = settings.failureCodec().encode(failure);
        } catch (RuntimeException codecFailure) {
            LOG.warn("failure codec {} could not encode {}; recorded by class name", settings.failureCodec(), type,
                    codecFailure);
            encoded = null;
        }
        if (encoded != null && encoded.length() > Completion.MAX_FAILURE_MESSAGE) {
            LOG.warn("failure codec {} encoded {} in {} characters, more than the {} a record keeps; recorded by "
                    + "class name", settings.failureCodec(), type, encoded.length(), Completion.MAX_FAILURE_MESSAGE);
            encoded = null;
        }
        return Completion.failure(type, encoded != null ? encoded : message(settings, failure));
    }

    /** The failure's message, shortened to what the executor keeps (none by default). */
    static String message(ExecutorSettings<?> settings, Throwable failure) {
        String message = failure.getMessage();
        int keep = settings.failureMessageLength();
        if (keep == 0 || message == null) {
            return null;
        }
        return message.length() <= keep ? message : message.substring(0, keep);
    }

    /**
     * What a duplicate caller gets for a recorded final failure: the codec's rebuilt exception, with a
     * suppressed {@link ReplayedFailureException}, or that exception alone.
     */
    static Exception replay(ExecutorSettings<?> settings, String token, Completion failure) {
        Exception rebuilt;
        try {
            rebuilt = settings.failureCodec().decode(failure.failureType(), failure.failureMessage());
        } catch (RuntimeException codecFailure) {
            LOG.warn("failure codec {} could not rebuild {}; replayed as ReplayedFailureException",
                    settings.failureCodec(), failure.failureType(), codecFailure);
            return new ReplayedFailureException(token, failure.failureType(), failure.failureMessage(), codecFailure);
        }
        ReplayedFailureException replayed = new ReplayedFailureException(token, failure.failureType(),
                failure.failureMessage());
        if (rebuilt == null) {
            return replayed;
        }
        rebuilt.addSuppressed(replayed);
        return rebuilt;
    }
}
