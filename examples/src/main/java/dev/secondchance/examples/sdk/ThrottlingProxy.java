package dev.secondchance.examples.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * WireMock on 127.0.0.1 as a proxy in front of a local DynamoDB (dynalite): it passes every request through, except the
 * calls of an operation (matched on {@code X-Amz-Target}) that a scenario told it to throttle. A throttle is
 * the real AWS JSON 1.0 error shape (status 400, {@code x-amzn-ErrorType} and a {@code __type} body), so the
 * SDK unmarshals it as it would DynamoDB's own. It records what it answered to each request, in order.
 * Thread-safe.
 */
public final class ThrottlingProxy implements AutoCloseable {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String ERROR_TYPE_PREFIX = "com.amazonaws.dynamodb.v20120810#";
    private static final String INJECTED = "X-Injected-Fault";

    private final WireMockServer server;
    private final String upstream;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition answered = lock.newCondition();
    private final List<Answer> answers = new ArrayList<>();

    /**
     * What the proxy answered to one request.
     *
     * @param operation the DynamoDB operation, for example {@code PutItem}
     * @param status the HTTP status sent back
     * @param injected the injected error code, or null if DynamoDB answered
     */
    public record Answer(String operation, int status, String injected) {

        /** @return for example "injected ThrottlingException" or "DynamoDB: HTTP 200" */
        public String describe() {
            return injected != null ? "injected " + injected : "DynamoDB: HTTP " + status;
        }
    }

    /**
     * Starts the proxy in front of {@code upstream}.
     *
     * @param upstream the DynamoDB endpoint
     */
    public ThrottlingProxy(URI upstream) {
        this.upstream = upstream.toString();
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().disableRequestJournal());
        server.addMockServiceRequestListener((request, response) -> record(new Answer(
                operation(request.getHeader("X-Amz-Target")), response.getStatus(),
                response.getHeaders().getHeader(INJECTED).isPresent()
                        ? response.getHeaders().getHeader(INJECTED).firstValue() : null)));
        server.start();
        passEverythingThrough();
    }

    /** @return the proxy's endpoint, for the SDK client's {@code endpointOverride} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Removes every throttle: all requests go to DynamoDB. */
    public void passEverythingThrough() {
        server.resetMappings();
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(upstream)));
    }

    /**
     * Answers the next calls of {@code operation} with the given error codes, one each, in order; later calls
     * pass through again.
     *
     * @param operation a DynamoDB operation, for example {@code PutItem}
     * @param errorCodes throttling error codes, for example {@code ThrottlingException}
     */
    public void throttleNext(String operation, String... errorCodes) {
        String scenario = operation + "-" + UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int i = 0; i < errorCodes.length; i++) {
            String next = "after-" + (i + 1);
            server.stubFor(forOperation(operation).inScenario(scenario).whenScenarioStateIs(state)
                    .willSetStateTo(next).willReturn(throttle(errorCodes[i])));
            state = next;
        }
    }

    /**
     * Answers every call of {@code operation} with the error code.
     *
     * @param operation a DynamoDB operation
     * @param errorCode a throttling error code
     */
    public void throttleAll(String operation, String errorCode) {
        server.stubFor(forOperation(operation).willReturn(throttle(errorCode)));
    }

    /**
     * Waits until at least {@code count} answers have been sent (WireMock reports an answer just after sending
     * it, so the caller may see the response first), then returns them all and forgets them.
     *
     * @param count answers expected
     * @param timeout how long to wait for them
     * @return the answers since the last call, in order; fewer than {@code count} if the wait timed out
     * @throws InterruptedException if interrupted while waiting
     */
    public List<Answer> takeAnswers(int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (answers.size() < count && left > 0) {
                left = answered.awaitNanos(left);
            }
            List<Answer> taken = List.copyOf(answers);
            answers.clear();
            return taken;
        } finally {
            lock.unlock();
        }
    }

    private void record(Answer answer) {
        lock.lock();
        try {
            answers.add(answer);
            answered.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static String operation(String target) {
        if (target == null) {
            return "?";
        }
        return target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : target;
    }

    private static ResponseDefinitionBuilder throttle(String code) {
        return aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.0")
                .withHeader("x-amzn-ErrorType", code)
                .withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withHeader(INJECTED, code)
                .withBody("{\"__type\":\"" + ERROR_TYPE_PREFIX + code + "\",\"message\":\"injected " + code + "\"}");
    }

    private static MappingBuilder forOperation(String operation) {
        return post(anyUrl()).atPriority(1).withHeader("X-Amz-Target", equalTo(TARGET_PREFIX + operation));
    }

    @Override
    public void close() {
        server.stop();
    }
}
