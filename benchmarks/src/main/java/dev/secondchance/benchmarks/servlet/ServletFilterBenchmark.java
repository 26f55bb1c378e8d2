package dev.secondchance.benchmarks.servlet;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.servlet.IdempotencyFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code IdempotencyFilter}'s cost per request against the bare servlet, in one Jetty 12 on loopback, sent
 * by the JDK's {@code HttpClient} (HTTP/1.1, kept-alive connections) in the same JVM: a POST of a 40-byte JSON
 * body answered 201 with a 60-byte JSON body. {@code bare}: no filter. {@code firstExecution}: through the
 * filter over the in-memory store with a new key each time (fingerprint, claim, run, record). {@code replay}:
 * through the filter with one key, answered from the record. Client and server share the machine's cores, so
 * the difference between two benchmarks is the filter's cost, the absolute figure is mostly HTTP.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 6, time = 2)
public class ServletFilterBenchmark {

    private static final String BODY = "{\"amount\":1250,\"currency\":\"EUR\",\"o\":1}";

    private final AtomicLong sequence = new AtomicLong();
    private final String run = UUID.randomUUID().toString();
    private Server server;
    private HttpClient client;
    private URI bare;
    private URI guarded;
    private HttpRequest replayRequest;

    /** Starts Jetty with the servlet at /bare/* and the filter plus the servlet at /guarded/*. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        IdempotencyFilter filter = IdempotencyFilter.builder(IdempotencyStore.inMemory()).build();
        context.addFilter(new FilterHolder(filter), "/guarded/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new PaymentServlet()), "/*");
        server.setHandler(context);
        server.start();
        String base = "http://127.0.0.1:" + connector.getLocalPort();
        bare = URI.create(base + "/bare/payments");
        guarded = URI.create(base + "/guarded/payments");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        replayRequest = post(guarded, run + "-replayed");
        send(replayRequest);
    }

    /** Stops Jetty. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        server.stop();
    }

    /** @return the response body of a POST that meets the servlet alone */
    @Benchmark
    public byte[] bare() throws Exception {
        return send(post(bare, null));
    }

    /** @return the response body of a POST with a new key: fingerprint, claim, run, record */
    @Benchmark
    public byte[] firstExecution() throws Exception {
        return send(post(guarded, run + "-" + sequence.incrementAndGet()));
    }

    /** @return the response body replayed for a key seen before */
    @Benchmark
    public byte[] replay() throws Exception {
        return send(replayRequest);
    }

    private static HttpRequest post(URI uri, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (key != null) {
            builder.header("Idempotency-Key", key);
        }
        return builder.build();
    }

    private byte[] send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("expected 201, got " + response.statusCode());
        }
        return response.body();
    }

    /** Reads the request and answers 201 with a small JSON receipt. */
    static final class PaymentServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private static final byte[] RECEIPT = "{\"payment\":\"p-0000000001\",\"status\":\"captured\",\"amount\":1250}"
                .getBytes(StandardCharsets.UTF_8);

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            response.setStatus(201);
            response.setContentType("application/json");
            response.setContentLength(RECEIPT.length);
            response.getOutputStream().write(RECEIPT);
        }
    }
}
