package dev.secondchance.retry.internal;

import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.Verdict;
import java.io.CharConversionException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.MalformedURLException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Retries {@link IOException}s that can heal; abstains on everything else. */
public enum TransientIoClassifier implements RetryClassifier {
    INSTANCE;

    private static final List<Class<? extends IOException>> PERMANENT = List.of(
            UnknownHostException.class, MalformedURLException.class, ProtocolException.class,
            SSLHandshakeException.class, SSLPeerUnverifiedException.class, FileNotFoundException.class,
            BindException.class, CharacterCodingException.class, CharConversionException.class,
            ClosedByInterruptException.class);

    @Override
    public Verdict classifyFailure(Throwable failure) {
        Throwable cause = failure instanceof UncheckedIOException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (!(cause instanceof IOException)) {
            return Verdict.abstain();
        }
        String name = cause.getClass().getSimpleName();
        if (cause instanceof SocketTimeoutException || cause instanceof HttpTimeoutException) {
            return Verdict.retry(name);
        }
        if (cause instanceof InterruptedIOException) {
            return Verdict.fail("interrupted: " + name);
        }
        for (Class<? extends IOException> permanent : PERMANENT) {
            if (permanent.isInstance(cause)) {
                return Verdict.fail(name);
            }
        }
        return Verdict.retry(name);
    }
}
