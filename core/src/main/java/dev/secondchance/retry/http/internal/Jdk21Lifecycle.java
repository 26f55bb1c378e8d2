package dev.secondchance.retry.http.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Calls the lifecycle methods that {@link HttpClient} gained in JDK 21 ({@code shutdown},
 * {@code shutdownNow}, {@code isTerminated}, {@code awaitTermination}) on a client, although this library
 * is compiled for JDK 17. On an older JDK, where they do not exist, it behaves like their JDK 21 default
 * implementations: does nothing, returns false, returns true. Thread-safe.
 */
public final class Jdk21Lifecycle {

    private static final MethodHandle SHUTDOWN = find("shutdown", MethodType.methodType(void.class));
    private static final MethodHandle SHUTDOWN_NOW = find("shutdownNow", MethodType.methodType(void.class));
    private static final MethodHandle IS_TERMINATED = find("isTerminated", MethodType.methodType(boolean.class));
    private static final MethodHandle AWAIT_TERMINATION =
            find("awaitTermination", MethodType.methodType(boolean.class, Duration.class));

    private Jdk21Lifecycle() {}

    /** @param client the client to shut down */
    public static void shutdown(HttpClient client) {
        if (SHUTDOWN != null) {
            invoke(() -> SHUTDOWN.invoke(client));
        }
    }

    /** @param client the client to shut down at once */
    public static void shutdownNow(HttpClient client) {
        if (SHUTDOWN_NOW != null) {
            invoke(() -> SHUTDOWN_NOW.invoke(client));
        }
    }

    /**
     * @param client the client
     * @return whether it has terminated; false before JDK 21
     */
    public static boolean isTerminated(HttpClient client) {
        return IS_TERMINATED != null && (boolean) invoke(() -> IS_TERMINATED.invoke(client));
    }

    /**
     * @param client the client
     * @param duration the longest wait
     * @return whether it terminated in time; true at once before JDK 21
     * @throws InterruptedException if interrupted while waiting
     */
    public static boolean awaitTermination(HttpClient client, Duration duration) throws InterruptedException {
        Objects.requireNonNull(duration, "duration");
        if (AWAIT_TERMINATION == null) {
            return true;
        }
        try {
            return (boolean) AWAIT_TERMINATION.invoke(client, duration);
        } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static MethodHandle find(String name, MethodType type) {
        try {
            return MethodHandles.publicLookup().findVirtual(HttpClient.class, name, type);
        } catch (NoSuchMethodException | IllegalAccessException beforeJdk21) {
            return null;
        }
    }

    private interface Invocation {
        Object run() throws Throwable;
    }

    private static Object invoke(Invocation invocation) {
        try {
            return invocation.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) { // none of these methods declares a checked exception
            throw new IllegalStateException(impossible);
        }
    }
}
