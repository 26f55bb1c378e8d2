package dev.secondchance.retry.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.secondchance.retry.http.RetryingHttpClientTest.PATH;
import static dev.secondchance.retry.http.RetryingHttpClientTest.PAYLOAD;
import static dev.secondchance.retry.http.RetryingHttpClientTest.TIMEOUT;
import static dev.secondchance.retry.http.RetryingHttpClientTest.newPlainClient;
import static dev.secondchance.retry.http.RetryingHttpClientTest.postRequest;
import static dev.secondchance.retry.http.RetryingHttpClientTest.status;
import static dev.secondchance.retry.http.RetryingHttpClientTest.stubSequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.http.RetryingHttpClientTest.TrackingStreams;
import dev.secondchance.retry.testing.VirtualTime;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryingHttpClientAsyncTest {

    @RegisterExtension
    static final WireMockExtension server = RetryingHttpClientTest.loopbackServer();

    private final List<Outcome<?>> outcomes = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private HttpClient plain;

    @BeforeEach
    void newClient() {
        plain = newPlainClient();
    }

    private RetryPolicyBuilder policy(VirtualTime time) {
        return time.install(RetryPolicy.builder()).listener(new RetryListener() {
            @Override
            public void onEnd(Outcome<?> outcome) {
                outcomes.add(outcome);
                ended.countDown();
            }
        });
    }

    private RetryingHttpClient client(RetryPolicyBuilder policy) {
        return RetryingHttpClient.of(plain, policy.build());
    }

    private HttpRequest request() {
        return RetryingHttpClientTest.request(server);
    }

    private Outcome<?> onlyOutcome() throws InterruptedException {
        assertTrue(ended.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the call ended");
        assertEquals(1, outcomes.size(), "calls ended");
        return outcomes.get(0);
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void verifyRequests(int count) {
        server.verify(count, getRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void sendAsync_when503Then503Then200_retriesUntil200() throws Exception {
        stubSequence(server, status(503), status(503), status(200));
        VirtualTime time = new VirtualTime().autoRun();

        HttpResponse<String> response = await(client(policy(time)).sendAsync(request(), BodyHandlers.ofString()));

        assertEquals(200, response.statusCode());
        assertEquals("status 200", response.body());
        verifyRequests(3);
        assertEquals(2, time.scheduledDelays().size(), "scheduled waits");
        assertEquals(List.of(), time.sleeps(), "no thread slept");
        assertEquals(EndReason.SUCCESS, onlyOutcome().endReason());
    }

    @Test
    void sendAsync_when400_completesWithItAfterOneRequest() throws Exception {
        stubSequence(server, status(400), status(200));
        VirtualTime time = new VirtualTime().autoRun();

        HttpResponse<String> response = await(client(policy(time)).sendAsync(request(), BodyHandlers.ofString()));

        assertEquals(400, response.statusCode());
        verifyRequests(1);
        assertEquals(List.of(), time.scheduledDelays());
        assertEquals(EndReason.NON_RETRYABLE, onlyOutcome().endReason());
    }

    @Test
    void sendAsync_when500EveryTime_completesWithLast500AfterMaxAttempts() throws Exception {
        stubSequence(server, status(500));
        VirtualTime time = new VirtualTime().autoRun();

        HttpResponse<String> response =
                await(client(policy(time).maxAttempts(4)).sendAsync(request(), BodyHandlers.ofString()));

        assertEquals(500, response.statusCode());
        assertEquals("status 500", response.body());
        verifyRequests(4);
        assertEquals(3, time.scheduledDelays().size(), "scheduled waits");
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, onlyOutcome().endReason());
    }

    @Test
    void sendAsync_when429WithRetryAfter_schedulesAtLeastThatLong() throws Exception {
        stubSequence(server, status(429).withHeader("Retry-After", "2"), status(200));
        VirtualTime time = new VirtualTime().autoRun();

        HttpResponse<String> response = await(client(policy(time)).sendAsync(request(), BodyHandlers.ofString()));

        assertEquals(200, response.statusCode());
        verifyRequests(2);
        assertTrue(time.scheduledDelays().get(0).compareTo(Duration.ofSeconds(2)) >= 0,
                "scheduled " + time.scheduledDelays());
    }

    @Test
    void sendAsync_whenConnectionFaultThen200_retriesAndCompletesWith200() throws Exception {
        stubSequence(server, WireMock::post, aResponse().withFault(Fault.EMPTY_RESPONSE), status(200));
        VirtualTime time = new VirtualTime().autoRun();

        HttpResponse<String> response =
                await(client(policy(time)).sendAsync(postRequest(server), BodyHandlers.ofString()));

        assertEquals(200, response.statusCode());
        server.verify(2, postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalTo(PAYLOAD)));
        assertEquals(2, onlyOutcome().attempts());
    }

    @Test
    void sendAsync_whenCallFailsAfterRetryableResponse_closesDiscardedStreamAndFailsWithIoException()
            throws Exception {
        stubSequence(server, WireMock::post, status(503), aResponse().withFault(Fault.EMPTY_RESPONSE));
        TrackingStreams handler = new TrackingStreams();
        VirtualTime time = new VirtualTime().autoRun();
        CompletableFuture<HttpResponse<InputStream>> call =
                client(policy(time).maxAttempts(2)).sendAsync(postRequest(server), handler);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> await(call));

        assertInstanceOf(IOException.class, failure.getCause());
        assertEquals(1, handler.streams.size(), "bodies");
        assertTrue(handler.streams.get(0).awaitClosed(), "the discarded 503 body is closed");
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, onlyOutcome().endReason());
    }

    @Test
    void sendAsync_whenInputStreamResponseIsRetried_closesDiscardedStreamOnly() throws Exception {
        stubSequence(server, status(503), status(200));
        TrackingStreams handler = new TrackingStreams();
        VirtualTime time = new VirtualTime().autoRun();

        HttpResponse<InputStream> response = await(client(policy(time)).sendAsync(request(), handler));

        assertEquals(200, response.statusCode());
        assertEquals(2, handler.streams.size(), "bodies");
        assertTrue(handler.streams.get(0).isClosed(), "the discarded 503 body is closed");
        assertFalse(handler.streams.get(1).isClosed(), "the returned body is the caller's");
        response.body().close();
    }

    @Test
    void sendAsync_whenCancelledWhileWaiting_stopsRetryingAndClosesDiscardedStream() throws Exception {
        stubSequence(server, status(503), status(200));
        TrackingStreams handler = new TrackingStreams();
        VirtualTime time = new VirtualTime(); // manual: the retry stays queued until the test advances time
        CountDownLatch retryScheduled = new CountDownLatch(1);
        RetryingHttpClient client = client(policy(time).listener(new RetryListener() {
            @Override
            public void onRetryScheduled(int nextAttempt, Duration delay, String reason) {
                retryScheduled.countDown();
            }
        }));
        CompletableFuture<HttpResponse<InputStream>> call = client.sendAsync(request(), handler);
        assertTrue(retryScheduled.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "the 503 arrived");

        assertTrue(call.cancel(true));
        time.runDueTasks();

        assertTrue(handler.streams.get(0).awaitClosed(), "the discarded 503 body is closed");
        verifyRequests(1);
        assertEquals(EndReason.CANCELLED, onlyOutcome().endReason());
    }

    @Test
    void sendAsyncWithPushPromiseHandler_when503_delegatesWithoutRetry() throws Exception {
        stubSequence(server, status(503), status(200));
        VirtualTime time = new VirtualTime().autoRun();

        HttpResponse<String> response =
                await(client(policy(time)).sendAsync(request(), BodyHandlers.ofString(), null));

        assertEquals(503, response.statusCode());
        verifyRequests(1);
        assertEquals(List.of(), outcomes, "the policy was not used");
    }
}
