package dev.secondchance.retry.internal;

import dev.secondchance.internal.TypeNames;
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

    /** The verdict depends on the exception's class alone, so it is worked out once per class. */
    private static final ClassValue<Verdict> BY_CLASS = new ClassValue<>() {
        @Override
        protected Verdict computeValue(Class<?> type) {
            if (!IOException.class.isAssignableFrom(type)) {
                return Verdict.abstain();
            }
            String name = TypeNames.simple(type);
            if (SocketTimeoutException.class.isAssignableFrom(type) || HttpTimeoutException.class.isAssignableFrom(type)) {
                return Verdict.retry(name);
            }
            if (InterruptedIOException.class.isAssignableFrom(type)) {
                return Verdict.fail("interrupted: " + name);
            }
            for (Class<? extends IOException> permanent : PERMANENT) {
                if (permanent.isAssignableFrom(type)) {
                    return Verdict.fail(name);
                }
            }
            return Verdict.retry(name);
        }
    };

    @Override
    public boolean classifiesResults() {
        return false;
    }

    @Override
    public Verdict classifyFailure(Throwable failure) {
        Throwable cause = failure instanceof UncheckedIOException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return BY_CLASS.get(cause.getClass());
    }
}
