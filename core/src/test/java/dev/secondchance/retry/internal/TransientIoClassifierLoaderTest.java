package dev.secondchance.retry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.retry.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The transient-I/O classifier works its verdict out once per exception class: a class it meets for the first
 * time, such as one a plugin's class loader defines, is classified by its type like any other. Each case loads
 * its exception class afresh in a class loader of its own.
 */
class TransientIoClassifierLoaderTest {

    /** Defines the one class it is given itself, so that each instance makes a new {@link Class}. */
    private static final class OwnLoader extends ClassLoader {
        private final String name;

        OwnLoader(String name) {
            super(TransientIoClassifierLoaderTest.class.getClassLoader());
            this.name = name;
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(name)) {
                return super.loadClass(className, resolve);
            }
            try (InputStream in = getParent().getResourceAsStream(className.replace('.', '/') + ".class")) {
                byte[] bytes = in.readAllBytes();
                return defineClass(className, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(className, e);
            }
        }
    }

    private static Throwable freshInstance(Class<? extends Throwable> type) throws Exception {
        Class<?> fresh = new OwnLoader(type.getName()).loadClass(type.getName());
        assertNotSame(type, fresh, "a class the classifier has not met yet");
        var constructor = fresh.getDeclaredConstructor();
        constructor.setAccessible(true);
        return (Throwable) constructor.newInstance();
    }

    /** A member class: loaded afresh, its outer class (the parent loader's) does not list it as a member. */
    static final class NestedReset extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void classifyFailure_whenANestedClassComesFromAnotherLoader_classifiesItWithoutAskingItsOuterClass()
            throws Exception {
        Throwable failure = freshInstance(NestedReset.class);

        Verdict verdict = TransientIoClassifier.INSTANCE.classifyFailure(failure);

        assertEquals(Verdict.Kind.RETRY, verdict.kind());
        assertEquals("NestedReset", verdict.reason());
    }

    @ParameterizedTest
    @CsvSource({
        "PluginTimeout, RETRY",
        "PluginHttpTimeout, RETRY",
        "PluginInterrupted, FAIL",
        "PluginUnknownHost, FAIL",
        "PluginReset, RETRY",
        "PluginBug, ABSTAIN",
    })
    void classifyFailure_whenTheClassComesFromAnotherLoader_classifiesItByItsType(String simpleName, Verdict.Kind kind)
            throws Exception {
        @SuppressWarnings("unchecked")
        Class<? extends Throwable> type = (Class<? extends Throwable>) Class.forName(
                TransientIoClassifierLoaderTest.class.getPackageName() + ".Loaded" + simpleName);

        Throwable failure = freshInstance(type);

        Verdict verdict = TransientIoClassifier.INSTANCE.classifyFailure(failure);

        assertEquals(kind, verdict.kind());
        if (kind != Verdict.Kind.ABSTAIN) {
            assertTrue(verdict.reason().contains(simpleName), verdict.reason());
        }
    }
}

final class LoadedPluginTimeout extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;
}

final class LoadedPluginHttpTimeout extends HttpTimeoutException {
    private static final long serialVersionUID = 1L;

    LoadedPluginHttpTimeout() {
        super("timed out");
    }
}

final class LoadedPluginInterrupted extends InterruptedIOException {
    private static final long serialVersionUID = 1L;
}

final class LoadedPluginUnknownHost extends UnknownHostException {
    private static final long serialVersionUID = 1L;
}

final class LoadedPluginReset extends IOException {
    private static final long serialVersionUID = 1L;
}

final class LoadedPluginBug extends IllegalStateException {
    private static final long serialVersionUID = 1L;
}
