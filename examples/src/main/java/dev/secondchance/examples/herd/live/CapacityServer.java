package dev.secondchance.examples.herd.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on the loopback address with a fixed capacity, down for its first moments: the
 * service a herd of clients meets after an outage. It runs on the JDK's {@code HttpServer}.
 *
 * <p>Time is cut into 100 ms slots from {@link #open()}. During the outage every request gets 503. After
 * it, each slot admits {@code capacity / 10} requests with 200 and answers every request beyond that with
 * 503 at once, so the server never does more than its capacity and never queues. Every request is counted
 * in the {@link RequestTimeline}. Requests that arrive before {@link #open()} get 503 and are not counted.
 * With a hint, every 503 carries {@code Retry-After} (whole seconds), as load shedders often send.
 */
public final class CapacityServer implements AutoCloseable {

    /** The length of a capacity slot: 100 ms. */
    public static final Duration SLOT = Duration.ofMillis(100);

    private static final int SLOTS_PER_SECOND = 10;

    private final HttpServer server;
    private final ExecutorService handlers;
    private final int admissionsPerSlot;
    private final long outageNanos;
    private final RequestTimeline timeline;
    private final String retryAfter;
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile long openedAt;
    private volatile boolean open;

    private CapacityServer(HttpServer server, ExecutorService handlers, int capacityPerSecond, Duration outage,
            Duration horizon, Duration retryAfter) {
        this.retryAfter = retryAfter == null ? null : String.valueOf(retryAfter.toSeconds());
        this.server = server;
        this.handlers = handlers;
        this.admissionsPerSlot = capacityPerSecond / SLOTS_PER_SECOND;
        this.outageNanos = outage.toNanos();
        this.timeline = new RequestTimeline(SLOT, horizon);
    }

    /**
     * Starts a server on {@code 127.0.0.1} on a free port. It answers 503 until {@link #open()}.
     *
     * @param capacityPerSecond requests per second it admits after the outage; a multiple of 10, {@code >= 10}
     * @param outage how long after {@link #open()} it answers only 503
     * @param horizon how long to keep the timeline; later requests are counted in its last slot
     * @param backlog the listen backlog, about the number of clients that connect at once
     * @return the started server
     * @throws IOException if it cannot bind
     */
    public static CapacityServer start(int capacityPerSecond, Duration outage, Duration horizon, int backlog)
            throws IOException {
        return start(capacityPerSecond, outage, horizon, backlog, null);
    }

    /**
     * Starts a server whose 503s carry {@code Retry-After}.
     *
     * @param capacityPerSecond requests per second it admits after the outage; a multiple of 10, {@code >= 10}
     * @param outage how long after {@link #open()} it answers only 503
     * @param horizon how long to keep the timeline
     * @param backlog the listen backlog
     * @param retryAfter the hint on every 503, whole seconds; null for none
     * @return the started server
     * @throws IOException if it cannot bind
     */
    public static CapacityServer start(int capacityPerSecond, Duration outage, Duration horizon, int backlog,
            Duration retryAfter) throws IOException {
        if (capacityPerSecond < SLOTS_PER_SECOND || capacityPerSecond % SLOTS_PER_SECOND != 0) {
            throw new IllegalArgumentException(
                    "capacity must be a multiple of 10 per second, got " + capacityPerSecond);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
        ExecutorService handlers = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "capacity-server");
            thread.setDaemon(true);
            return thread;
        });
        CapacityServer capacityServer = new CapacityServer(server, handlers, capacityPerSecond, outage, horizon,
                retryAfter);
        server.createContext("/", capacityServer::handle);
        server.setExecutor(handlers);
        server.start();
        return capacityServer;
    }

    /** Starts the clock: the outage begins now, and the timeline counts from now. */
    public void open() {
        openedAt = System.nanoTime();
        open = true;
    }

    /** @return the address of the resource clients ask for */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/resource");
    }

    /** @return nanoseconds since {@link #open()} */
    public long elapsedNanos() {
        return System.nanoTime() - openedAt;
    }

    /** @return the requests counted since {@link #open()} */
    public long totalRequests() {
        return total.get();
    }

    /** @return the 503 answers since {@link #open()} */
    public long rejectedRequests() {
        return rejected.get();
    }

    /** @return the per-slot counts */
    public RequestTimeline timeline() {
        return timeline;
    }

    /** @return requests admitted per 100 ms slot after the outage */
    public int admissionsPerSlot() {
        return admissionsPerSlot;
    }

    /** @return the outage */
    public Duration outage() {
        return Duration.ofNanos(outageNanos);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            boolean admitted = false;
            if (open) {
                long elapsed = elapsedNanos();
                int slot = timeline.slotOf(elapsed);
                timeline.count(slot);
                total.incrementAndGet();
                admitted = elapsed >= outageNanos && timeline.tryAdmit(slot, admissionsPerSlot);
                if (!admitted) {
                    rejected.incrementAndGet();
                }
            }
            if (!admitted && retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(admitted ? 200 : 503, -1);
        }
    }

    /** Stops the server at once and its handler threads. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
