package dev.secondchance.aws.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WireMock on loopback as a proxy in front of dynalite: every request is passed through, except those
 * of an operation (matched on {@code X-Amz-Target}) for which a test scripted faults. Faults use the real AWS
 * JSON 1.0 error shape, so the SDK unmarshals them as it would DynamoDB's.
 */
public final class FaultProxy implements AutoCloseable {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String ERROR_TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private final WireMockServer server;
    private final String upstream;
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    /** Starts the proxy in front of {@code upstream}. */
    public FaultProxy(URI upstream) {
        this.upstream = upstream.toString();
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.addMockServiceRequestListener((request, response) -> {
            String target = request.getHeader("X-Amz-Target");
            served.computeIfAbsent(target == null ? "" : target, t -> new AtomicInteger()).incrementAndGet();
            synchronized (served) {
                served.notifyAll();
            }
        });
        reset();
    }

    /** @return the proxy's endpoint on loopback, for {@code endpointOverride} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Removes all faults and forgets the requests seen. */
    public void reset() {
        server.resetAll();
        served.clear();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(upstream)));
    }

    /**
     * Answers the next calls of {@code operation} with {@code responses}, one each, in order; later calls are
     * passed through again.
     */
    public void script(String operation, ResponseDefinitionBuilder... responses) {
        String scenario = operation + "-" + UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int i = 0; i < responses.length; i++) {
            String next = "after-" + (i + 1);
            server.stubFor(forOperation(operation).inScenario(scenario).whenScenarioStateIs(state)
                    .willSetStateTo(next).willReturn(responses[i]));
            state = next;
        }
    }

    /** Answers every call of {@code operation} with {@code response}. */
    public void always(String operation, ResponseDefinitionBuilder response) {
        server.stubFor(forOperation(operation).willReturn(response));
    }

    /** @return the requests of {@code operation} received so far, in order */
    public List<LoggedRequest> requests(String operation) {
        return server.findAll(postRequestedFor(anyUrl()).withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation)));
    }

    /**
     * Waits until {@code count} responses to {@code operation} have been sent (a delayed one counts once it is
     * sent).
     *
     * @throws AssertionError if that takes longer than {@code timeout}
     */
    public void awaitServed(String operation, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (served) {
            while (served.getOrDefault(TARGET_PREFIX + operation, new AtomicInteger()).get() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(count + " responses to " + operation + " not sent within " + timeout);
                }
                served.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Passes the request to DynamoDB, then holds the response back for {@code delay}. */
    public ResponseDefinitionBuilder slowPassThrough(Duration delay) {
        return aResponse().proxiedFrom(upstream).withFixedDelay((int) delay.toMillis());
    }

    /** An AWS JSON 1.0 error response, as DynamoDB sends it. */
    public static ResponseDefinitionBuilder awsError(int status, String code) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.0")
                .withHeader("x-amzn-ErrorType", code)
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody("{\"__type\":\"" + ERROR_TYPE_PREFIX + code + "\",\"message\":\"injected " + code + "\"}");
    }

    /** The connection is closed without a response. */
    public static ResponseDefinitionBuilder connectionDrop() {
        return aResponse().withFault(Fault.EMPTY_RESPONSE);
    }

    private static MappingBuilder forOperation(String operation) {
        return post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation));
    }

    @Override
    public void close() {
        server.stop();
    }
}
