package dev.secondchance.examples.herd.live;

import java.time.Duration;
import java.util.Locale;

/**
 * How the herd's clients are organised and what the server says when it rejects them.
 *
 * <ul>
 *   <li>{@link #SHARED}: every client in one process sharing one policy (one budget, one rate limiter):
 *       one service making a thousand concurrent requests;</li>
 *   <li>{@link #FLEET}: the same clients as independent processes of {@link #CLIENTS_PER_PROCESS} clients,
 *       each with its own policy (own budget, own limiter, own random source), connected only by the
 *       server's answers;</li>
 *   <li>{@link #HINT}: the fleet, against a server whose 503s carry {@code Retry-After: 1}.</li>
 * </ul>
 */
public enum LiveMode {
    /** One process, one shared policy. */
    SHARED,
    /** Independent processes of 20 clients. */
    FLEET,
    /** The fleet, and every 503 carries {@code Retry-After: 1}. */
    HINT;

    /** Clients per process in the fleet: 1,000 clients are 50 processes. */
    public static final int CLIENTS_PER_PROCESS = 20;

    /** The hint of the {@link #HINT} scenario. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    /**
     * @param clients the number of clients
     * @return how many independent processes they form
     */
    public int processes(int clients) {
        return this == SHARED ? 1 : (clients + CLIENTS_PER_PROCESS - 1) / CLIENTS_PER_PROCESS;
    }

    /** @return the server's hint on its 503s, or null */
    public Duration retryAfter() {
        return this == HINT ? RETRY_AFTER : null;
    }

    /** @return the name in tables and the CSV */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
