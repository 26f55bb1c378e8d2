package dev.secondchance.retry.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.CallOptions;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetriesEnded;
import dev.secondchance.retry.RetryInterruptedException;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.testing.VirtualTime;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.CookieManager;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryingHttpClientTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final String PATH = "/resource";
    static final String PAYLOAD = "{\"order\": 42}";

    @RegisterExtension
    static final WireMockExtension server = loopbackServer();

    private final VirtualTime time = new VirtualTime();
    private final List<Outcome<?>> outcomes = new CopyOnWriteArrayList<>();
    private HttpClient plain;

    @BeforeEach
    void newClient() {
        plain = newPlainClient(); // a fresh client per test: no pooled connection is shared between tests
    }

    // --- shared by the async test ---

    /** WireMock on a free loopback port, reset before each test. */
    static WireMockExtension loopbackServer() {
        return WireMockExtension.newInstance().options(options().dynamicPort().bindAddress("127.0.0.1")).build();
    }

    static HttpClient newPlainClient() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    static HttpRequest request(WireMockExtension server) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + PATH)).timeout(TIMEOUT).GET().build();
    }

    /**
     * A POST with an idempotency key (so the client may retry it), for the connection-fault tests: the JDK
     * client itself re-sends a GET once when the connection dies before the response, which would hide whether
     * the policy retried.
     */
    static HttpRequest postRequest(WireMockExtension server) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + PATH)).timeout(TIMEOUT)
                .header("Idempotency-Key", "order-42").POST(HttpRequest.BodyPublishers.ofString(PAYLOAD)).build();
    }

    /** Stubs GET {@link #PATH} to answer the responses in order, then the last one again and again. */
    static void stubSequence(WireMockExtension server, ResponseDefinitionBuilder... responses) {
        stubSequence(server, WireMock::get, responses);
    }

    /** Stubs {@code method} {@link #PATH} to answer the responses in order, then the last one again and again. */
    static void stubSequence(WireMockExtension server, Function<UrlPattern, MappingBuilder> method,
            ResponseDefinitionBuilder... responses) {
        for (int i = 0; i < responses.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "after " + i;
            var stub = method.apply(urlEqualTo(PATH)).inScenario("sequence").whenScenarioStateIs(state)
                    .willReturn(responses[i]);
            server.stubFor(i + 1 < responses.length ? stub.willSetStateTo("after " + (i + 1)) : stub);
        }
    }

    static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withBody("status " + status);
    }

    /** A body handler whose InputStreams record whether they were closed. */
    static final class TrackingStreams implements BodyHandler<InputStream> {
        final List<TrackedStream> streams = new CopyOnWriteArrayList<>();

        @Override
        public BodySubscriber<InputStream> apply(ResponseInfo info) {
            return BodySubscribers.mapping(BodySubscribers.ofInputStream(), in -> {
                TrackedStream tracked = new TrackedStream(in);
                streams.add(tracked);
                return tracked;
            });
        }
    }

    static final class TrackedStream extends FilterInputStream {
        private final CountDownLatch closed = new CountDownLatch(1);

        TrackedStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() throws IOException {
            closed.countDown();
            super.close();
        }

        boolean isClosed() {
            return closed.getCount() == 0;
        }

        boolean awaitClosed() throws InterruptedException {
            return closed.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // --- helpers ---

    private RetryPolicyBuilder policy() {
        return time.install(RetryPolicy.builder()).listener(new RetryListener() {
            @Override
            public void onEnd(Outcome<?> outcome) {
                outcomes.add(outcome);
            }
        });
    }

    private RetryingHttpClient client(RetryPolicyBuilder policy) {
        return RetryingHttpClient.of(plain, policy.build());
    }

    private Outcome<?> onlyOutcome() {
        assertEquals(1, outcomes.size(), "calls ended");
        return outcomes.get(0);
    }

    private static void verifyRequests(int count) {
        server.verify(count, getRequestedFor(urlEqualTo(PATH)));
    }

    private static String httpDate(java.time.Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    // --- tests ---

    @Test
    void send_when503Then503Then200_retriesUntil200() throws Exception {
        stubSequence(server, status(503), status(503), status(200));

        HttpResponse<String> response = client(policy()).send(request(server), BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        assertEquals("status 200", response.body());
        verifyRequests(3);
        assertEquals(2, time.sleeps().size(), "waits");
        assertEquals(EndReason.SUCCESS, onlyOutcome().endReason());
    }

    @Test
    void send_whenCallHasItsOwnDeadline_stopsWithinItOnASharedPolicy() throws Exception {
        stubSequence(server, status(503), status(503), status(503), status(200));

        HttpResponse<String> response = client(policy().maxAttempts(5).backoff(Backoff.fixed(Duration.ofMillis(400))))
                .send(CallOptions.deadline(Duration.ofMillis(1000)), request(server), BodyHandlers.ofString());

        assertEquals(503, response.statusCode(), "the last response when the deadline ended the retries");
        verifyRequests(3);
        assertEquals(EndReason.DEADLINE_EXCEEDED, onlyOutcome().endReason());
    }

    @Test
    void send_when400_returnsItAfterOneRequest() throws Exception {
        stubSequence(server, status(400), status(200));

        HttpResponse<String> response = client(policy()).send(request(server), BodyHandlers.ofString());

        assertEquals(400, response.statusCode());
        assertEquals("status 400", response.body());
        verifyRequests(1);
        assertEquals(List.of(), time.sleeps());
        assertEquals(EndReason.NON_RETRYABLE, onlyOutcome().endReason());
    }

    @Test
    void send_when429WithRetryAfterSeconds_waitsAtLeastThatLong() throws Exception {
        stubSequence(server, status(429).withHeader("Retry-After", "2"), status(200));

        HttpResponse<String> response = client(policy()).send(request(server), BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        verifyRequests(2);
        assertEquals(1, time.sleeps().size(), "waits");
        assertTrue(time.sleeps().get(0).compareTo(Duration.ofSeconds(2)) >= 0, "waited " + time.sleeps());
    }

    @Test
    void send_when429WithRetryAfterHttpDate_waitsUntilThatDate() throws Exception {
        String threeSecondsLater = httpDate(time.wallClock().instant().plusSeconds(3));
        stubSequence(server, status(429).withHeader("Retry-After", threeSecondsLater), status(200));

        HttpResponse<String> response = client(policy()).send(request(server), BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        verifyRequests(2);
        assertEquals(1, time.sleeps().size(), "waits");
        assertTrue(time.sleeps().get(0).compareTo(Duration.ofSeconds(3)) >= 0, "waited " + time.sleeps());
    }

    @Test
    void send_when503WithAmzRetryAfterMillis_waitsAtLeastThatLong() throws Exception {
        stubSequence(server, status(503).withHeader("x-amz-retry-after", "1500"), status(200));

        HttpResponse<String> response = client(policy()).send(request(server), BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        verifyRequests(2);
        assertEquals(1, time.sleeps().size(), "waits");
        assertTrue(time.sleeps().get(0).compareTo(Duration.ofMillis(1500)) >= 0, "waited " + time.sleeps());
    }

    @Test
    void send_whenRetryAfterExceedsMaxRetryAfter_returnsResponseWithoutWaiting() throws Exception {
        stubSequence(server, status(429).withHeader("Retry-After", "60"), status(200));

        HttpResponse<String> response = client(policy().maxRetryAfter(Duration.ofSeconds(10)))
                .send(request(server), BodyHandlers.ofString());

        assertEquals(429, response.statusCode());
        verifyRequests(1);
        assertEquals(List.of(), time.sleeps());
        assertEquals(EndReason.HINT_TOO_LONG, onlyOutcome().endReason());
    }

    @Test
    void send_whenConnectionFaultThen200_retriesAndReturns200() throws Exception {
        stubSequence(server, WireMock::post, aResponse().withFault(Fault.EMPTY_RESPONSE), status(200));

        HttpResponse<String> response = client(policy()).send(postRequest(server), BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        server.verify(2, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalTo(PAYLOAD)));
        assertEquals(2, onlyOutcome().attempts(), "attempts made by the policy, not by the JDK client");
    }

    @Test
    void send_when500EveryTime_returnsLast500AfterMaxAttempts() throws Exception {
        stubSequence(server, status(500));

        HttpResponse<String> response = client(policy().maxAttempts(4)).send(request(server), BodyHandlers.ofString());

        assertEquals(500, response.statusCode());
        assertEquals("status 500", response.body());
        verifyRequests(4);
        assertEquals(3, time.sleeps().size(), "waits");
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, onlyOutcome().endReason());
    }

    @Test
    void send_whenInputStreamResponseIsRetried_closesDiscardedStreamOnly() throws Exception {
        stubSequence(server, status(503), status(200));
        TrackingStreams handler = new TrackingStreams();

        HttpResponse<InputStream> response = client(policy()).send(request(server), handler);

        assertEquals(200, response.statusCode());
        assertEquals(2, handler.streams.size(), "bodies");
        assertTrue(handler.streams.get(0).isClosed(), "the discarded 503 body is closed");
        assertFalse(handler.streams.get(1).isClosed(), "the returned body is the caller's");
        try (InputStream body = response.body()) {
            assertEquals("status 200", new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void send_whenCallFailsAfterRetryableResponse_closesDiscardedStreamAndThrowsLastFailure() {
        stubSequence(server, WireMock::post, status(503), aResponse().withFault(Fault.EMPTY_RESPONSE));
        TrackingStreams handler = new TrackingStreams();
        RetryingHttpClient client = client(policy().maxAttempts(2));

        IOException failure = assertThrows(IOException.class, () -> client.send(postRequest(server), handler));

        assertEquals(1, handler.streams.size(), "bodies");
        assertTrue(handler.streams.get(0).isClosed(), "the discarded 503 body is closed");
        RetriesEnded ended = RetriesEnded.of(failure).orElseThrow();
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, ended.endReason());
        assertEquals(2, ended.attempts());
    }

    @Test
    void send_whenInterruptedWhileWaiting_throwsInterruptedExceptionAndClosesDiscardedStream() {
        stubSequence(server, status(503), status(200));
        TrackingStreams handler = new TrackingStreams();
        RetryingHttpClient client = client(policy().sleeper(delay -> {
            throw new InterruptedException("test interrupt");
        }));

        InterruptedException interrupted =
                assertThrows(InterruptedException.class, () -> client.send(request(server), handler));

        assertFalse(Thread.interrupted(), "the flag is clear, as after any InterruptedException");
        assertInstanceOf(RetryInterruptedException.class, interrupted.getCause());
        verifyRequests(1);
        assertTrue(handler.streams.get(0).isClosed(), "the discarded 503 body is closed");
        assertEquals(EndReason.INTERRUPTED, onlyOutcome().endReason());
    }

    @Test
    void settings_whenRead_areTheDelegates() {
        RetryPolicy policy = policy().build();
        RetryingHttpClient client = RetryingHttpClient.of(plain, policy);

        assertEquals(plain.connectTimeout(), client.connectTimeout());
        assertEquals(plain.version(), client.version());
        assertEquals(plain.followRedirects(), client.followRedirects());
        assertEquals(plain.proxy(), client.proxy());
        assertEquals(plain.cookieHandler(), client.cookieHandler());
        assertEquals(plain.authenticator(), client.authenticator());
        assertEquals(plain.executor(), client.executor());
        assertSame(plain.sslContext(), client.sslContext());
        assertEquals(List.of(plain.sslParameters().getProtocols()), List.of(client.sslParameters().getProtocols()));
        assertSame(plain, client.delegate());
        assertSame(policy, client.policy());
    }

    @Test
    void settings_whenTheDelegateHasThemSet_areTheDelegates() {
        CookieManager cookies = new CookieManager();
        ProxySelector proxy = ProxySelector.of(null);
        Authenticator authenticator = new Authenticator() {};
        Executor executor = Runnable::run;
        HttpClient configured = HttpClient.newBuilder().cookieHandler(cookies).proxy(proxy)
                .authenticator(authenticator).executor(executor).build();

        RetryingHttpClient client = RetryingHttpClient.of(configured, policy().build());

        assertSame(cookies, client.cookieHandler().orElseThrow());
        assertSame(proxy, client.proxy().orElseThrow());
        assertSame(authenticator, client.authenticator().orElseThrow());
        assertSame(executor, client.executor().orElseThrow());
    }

    @Test
    void toString_namesTheDelegateThePolicyAndWhatIsGuarded() {
        RetryPolicy policy = policy().build();
        RetryingHttpClientBuilder builder = RetryingHttpClient.builder(plain, policy).nonIdempotentMethods(Set.of("POST"));

        assertEquals("RetryingHttpClient[" + plain + ", " + policy + ", nonIdempotent=[POST], key header Idempotency-Key]",
                builder.build().toString());
        assertTrue(builder.attachIdempotencyKey(true).build().toString()
                .endsWith(", nonIdempotent=[POST], attaching Idempotency-Key]"));
        assertTrue(builder.attachIdempotencyKey(false).retryNonIdempotent(true).build().toString()
                .endsWith(", nonIdempotent=[POST] (retried anyway), key header Idempotency-Key]"));
    }

    @Test
    void send_whenTheClassifierThrowsOnAResponse_closesItsBodyAndThrowsThatException() {
        stubSequence(server, status(200));
        IllegalStateException bug = new IllegalStateException("a classifier's bug");
        TrackingStreams handler = new TrackingStreams();
        RetryingHttpClient client = client(policy().classifiers(List.of(RetryClassifier.ofResults(response -> {
            throw bug;
        }))));

        assertSame(bug, assertThrows(IllegalStateException.class, () -> client.send(request(server), handler)));

        assertEquals(1, handler.streams.size(), "bodies");
        assertTrue(handler.streams.get(0).isClosed(), "the body nobody will read is closed");
    }

    @Test
    void send_whenAPublisherResponseIsRetried_cancelsTheDiscardedPublisherOnly() throws Exception {
        stubSequence(server, status(503), status(200));
        List<TrackedPublisher> publishers = new CopyOnWriteArrayList<>();
        BodyHandler<Flow.Publisher<List<ByteBuffer>>> handler = info -> BodySubscribers.mapping(
                BodySubscribers.ofPublisher(), body -> {
                    TrackedPublisher tracked = new TrackedPublisher(body);
                    publishers.add(tracked);
                    return tracked;
                });

        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = client(policy()).send(request(server), handler);

        assertEquals(200, response.statusCode());
        assertEquals(2, publishers.size(), "bodies");
        assertTrue(publishers.get(0).cancelled.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
                "the discarded 503 body is subscribed to and cancelled");
        BodySubscriber<String> reader = BodySubscribers.ofString(StandardCharsets.UTF_8);
        response.body().subscribe(reader);
        assertEquals("status 200", reader.getBody().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        assertEquals(1, publishers.get(1).cancelled.getCount(), "the returned body is the caller's");
    }

    @Test
    void send_whenClosingADiscardedBodyFails_ignoresItAndRetries() throws Exception {
        stubSequence(server, status(503), status(200));
        BodyHandler<InputStream> handler = info -> BodySubscribers.mapping(BodySubscribers.ofInputStream(),
                in -> new FilterInputStream(in) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        throw new IOException("close failed");
                    }
                });

        HttpResponse<InputStream> response = client(policy()).send(request(server), handler);

        assertEquals(200, response.statusCode());
        verifyRequests(2);
        assertFalse(Thread.currentThread().isInterrupted(), "a failed close is no interrupt");
        assertEquals(EndReason.SUCCESS, onlyOutcome().endReason());
    }

    @Test
    void send_whenClosingADiscardedBodyIsInterrupted_keepsTheInterruptAndStops() {
        stubSequence(server, status(503), status(200));
        BodyHandler<AutoCloseable> handler = info -> BodySubscribers.mapping(BodySubscribers.discarding(),
                nothing -> () -> {
                    throw new InterruptedException("interrupted while closing");
                });
        RetryingHttpClient client = client(policy());

        try {
            assertThrows(InterruptedException.class, () -> client.send(request(server), handler));
        } finally {
            Thread.interrupted(); // whatever happened, leave the test thread clean
        }
        assertEquals(EndReason.INTERRUPTED, onlyOutcome().endReason());
    }

    @Test
    void lifecycle_beforeJdk21_changesNothing_andFromJdk21_reachesTheDelegate() throws Exception {
        RetryingHttpClient client = RetryingHttpClient.of(plain, policy().build());
        assertFalse(client.isTerminated());
        assertThrows(NullPointerException.class, () -> client.awaitTermination(null));
        if (Runtime.version().feature() < 21) {
            client.shutdown();
            client.shutdownNow();
            assertFalse(client.isTerminated(), "no lifecycle before JDK 21: never terminated");
            assertTrue(client.awaitTermination(Duration.ZERO), "and nothing to wait for");
            stubSequence(server, status(200));
            assertEquals(200, client.send(request(server), BodyHandlers.ofString()).statusCode(), "still sends");
            return;
        }
        client.shutdownNow();

        assertTrue(client.awaitTermination(TIMEOUT));
        assertTrue(client.isTerminated());
        assertTrue((boolean) HttpClient.class.getMethod("isTerminated").invoke(plain), "delegate terminated");
    }

    /** A response body publisher that records whether its subscriber cancelled. */
    static final class TrackedPublisher implements Flow.Publisher<List<ByteBuffer>> {
        final CountDownLatch cancelled = new CountDownLatch(1);
        private final Flow.Publisher<List<ByteBuffer>> body;

        TrackedPublisher(Flow.Publisher<List<ByteBuffer>> body) {
            this.body = body;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> subscriber) {
            body.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(new Flow.Subscription() {
                        @Override
                        public void request(long n) {
                            subscription.request(n);
                        }

                        @Override
                        public void cancel() {
                            cancelled.countDown();
                            subscription.cancel();
                        }
                    });
                }

                @Override
                public void onNext(List<ByteBuffer> item) {
                    subscriber.onNext(item);
                }

                @Override
                public void onError(Throwable failure) {
                    subscriber.onError(failure);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }
            });
        }
    }

    @Test
    void of_whenArgumentIsNull_throwsNullPointerException() {
        RetryPolicy policy = policy().build();
        assertThrows(NullPointerException.class, () -> RetryingHttpClient.of(null, policy));
        assertThrows(NullPointerException.class, () -> RetryingHttpClient.of(plain, null));
    }

    @Test
    void close_whenOnJdk21OrLater_shutsTheDelegateDown() throws Exception {
        RetryingHttpClient client = RetryingHttpClient.of(plain, policy().build());
        if (Runtime.version().feature() < 21) {
            client.shutdown(); // no lifecycle before JDK 21: nothing to reach, nothing to fail
            assertFalse(client.isTerminated());
            return;
        }
        // HttpClient is AutoCloseable from JDK 21; its close() waits until shutdown() reaches the delegate
        assertTimeoutPreemptively(TIMEOUT, () -> HttpClient.class.getMethod("close").invoke(client));

        assertTrue((boolean) HttpClient.class.getMethod("isTerminated").invoke(plain), "delegate terminated");
        assertTrue(client.isTerminated());
    }
}
