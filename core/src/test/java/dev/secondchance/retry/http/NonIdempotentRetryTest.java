package dev.secondchance.retry.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.secondchance.retry.http.RetryingHttpClientTest.PATH;
import static dev.secondchance.retry.http.RetryingHttpClientTest.PAYLOAD;
import static dev.secondchance.retry.http.RetryingHttpClientTest.loopbackServer;
import static dev.secondchance.retry.http.RetryingHttpClientTest.status;
import static dev.secondchance.retry.http.RetryingHttpClientTest.stubSequence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.retry.EndReason;
import dev.secondchance.retry.RetriesEnded;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.testing.VirtualTime;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * POST and PATCH are retried only when a retry is safe: a key, proof that the request never left, or the
 * caller's opt-in. The server is WireMock on loopback; a "cut" is {@link Fault#EMPTY_RESPONSE}: the server read
 * the whole request, then closed the connection without a byte of response.
 */
class NonIdempotentRetryTest {

    private static final String KEY = "Idempotency-Key";
    /** Long, so that a slow machine never turns an answer into a timeout (which would change what is retried). */
    private static final Duration PATIENT = Duration.ofSeconds(60);

    @RegisterExtension
    static final WireMockExtension server = loopbackServer();

    private final VirtualTime time = new VirtualTime();
    private HttpClient plain;

    @BeforeEach
    void newClient() {
        plain = plainClient();
    }

    private static HttpClient plainClient() {
        return HttpClient.newBuilder().connectTimeout(PATIENT).version(HttpClient.Version.HTTP_1_1).build();
    }

    private RetryPolicy policy() {
        return time.install(RetryPolicy.builder()).maxAttempts(3).recordMetrics().build();
    }

    private static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(PATIENT);
    }

    private static HttpRequest post() {
        return to(PATH).POST(HttpRequest.BodyPublishers.ofString(PAYLOAD)).build();
    }

    private static void cutThenOk(java.util.function.Function<com.github.tomakehurst.wiremock.matching.UrlPattern,
            com.github.tomakehurst.wiremock.client.MappingBuilder> method) {
        stubSequence(server, method, aResponse().withFault(Fault.EMPTY_RESPONSE),
                aResponse().withFault(Fault.EMPTY_RESPONSE), status(200));
    }

    private static List<LoggedRequest> received() {
        return server.findAll(anyRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void send_whenThePostIsCutAfterTheServerReadIt_isNotRetriedWithoutAKey() {
        cutThenOk(WireMock::post);
        RetryPolicy policy = policy();
        RetryingHttpClient client = RetryingHttpClient.of(plain, policy);

        IOException cut = assertThrows(IOException.class, () -> client.send(post(), BodyHandlers.ofString()));

        assertEquals(1, received().size(), "the server saw the POST once");
        RetriesEnded ended = RetriesEnded.of(cut).orElseThrow();
        assertEquals(1, ended.attempts());
        assertEquals(EndReason.NON_RETRYABLE, ended.endReason());
        assertEquals(1, policy.metrics().calls(), "the guarded call counts in the client's policy");
        assertEquals(List.of(), time.sleeps());
    }

    @Test
    void send_whenAttachingKeys_retriesTheCutPostWithTheSameKeyOnEveryAttempt() throws Exception {
        cutThenOk(WireMock::post);
        RetryingHttpClient client = RetryingHttpClient.builder(plain, policy()).attachIdempotencyKey(true).build();

        HttpResponse<String> response = client.send(post(), BodyHandlers.ofString());

        assertEquals(200, response.statusCode());
        List<LoggedRequest> attempts = received();
        assertEquals(3, attempts.size());
        String key = attempts.get(0).getHeader(KEY);
        IdempotencyTokens.validate(key);
        assertEquals(36, key.length(), "a UUID from IdempotencyTokens.random(): " + key);
        attempts.forEach(attempt -> {
            assertEquals(List.of(key), attempt.header(KEY).values());
            assertEquals(PAYLOAD, attempt.getBodyAsString());
        });
    }

    @Test
    void send_whenAttachingAKey_keepsEveryHeaderOfTheCallersRequest() throws Exception {
        cutThenOk(WireMock::post);
        RetryingHttpClient client = RetryingHttpClient.builder(plain, policy()).attachIdempotencyKey(true)
                .idempotencyKeys(() -> "key-1").build();
        HttpRequest request = to(PATH).header("Content-Type", "application/json").header("X-Trace", "t-1")
                .header("X-Trace", "t-2").POST(HttpRequest.BodyPublishers.ofString(PAYLOAD)).build();

        assertEquals(200, client.send(request, BodyHandlers.ofString()).statusCode());

        assertEquals(3, received().size());
        received().forEach(attempt -> {
            assertEquals("key-1", attempt.getHeader(KEY));
            assertEquals("application/json", attempt.getHeader("Content-Type"));
            assertEquals(List.of("t-1", "t-2"), attempt.header("X-Trace").values());
        });
    }

    @Test
    void send_whenAttachingKeys_givesEachLogicalSendItsOwnKey() throws Exception {
        server.stubFor(WireMock.post(urlEqualTo(PATH)).willReturn(status(201)));
        RetryingHttpClient client = RetryingHttpClient.builder(plain, policy()).attachIdempotencyKey(true).build();

        client.send(post(), BodyHandlers.discarding());
        client.send(post(), BodyHandlers.discarding());

        List<LoggedRequest> sends = received();
        assertNotEquals(sends.get(0).getHeader(KEY), sends.get(1).getHeader(KEY));
    }

    @Test
    void send_whenTheCallerSetAKey_retriesAndNeverReplacesIt() throws Exception {
        cutThenOk(WireMock::post);
        RetryingHttpClient client = RetryingHttpClient.builder(plain, policy()).attachIdempotencyKey(true).build();
        HttpRequest withKey = to(PATH).header("idempotency-key", "order-42")
                .POST(HttpRequest.BodyPublishers.ofString(PAYLOAD)).build();

        assertEquals(200, client.send(withKey, BodyHandlers.ofString()).statusCode());

        assertEquals(3, received().size());
        received().forEach(attempt -> assertEquals(List.of("order-42"), attempt.header(KEY).values()));
    }

    @Test
    void send_whenTheCallersKeyIsThereAndAttachingIsOff_retriesTheCutPost() throws Exception {
        cutThenOk(WireMock::post);
        HttpRequest withKey = to(PATH).header(KEY, "order-43").POST(HttpRequest.BodyPublishers.ofString(PAYLOAD))
                .build();

        assertEquals(200, RetryingHttpClient.of(plain, policy()).send(withKey, BodyHandlers.ofString()).statusCode());
        assertEquals(3, received().size());
    }

    @Test
    void send_whenTheConnectionIsRefused_retriesAPostWithoutAKey() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpRequest refused = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + PATH))
                .timeout(PATIENT).POST(HttpRequest.BodyPublishers.ofString(PAYLOAD)).build();

        ConnectException failure = assertThrows(ConnectException.class,
                () -> RetryingHttpClient.of(plain, policy()).send(refused, BodyHandlers.ofString()));

        RetriesEnded ended = RetriesEnded.of(failure).orElseThrow();
        assertEquals(3, ended.attempts(), "a refused connection proves nothing was sent");
        assertEquals(EndReason.ATTEMPTS_EXHAUSTED, ended.endReason());
    }

    @Test
    void send_whenAPostWithoutKeyGets503_returnsItWithoutRetrying() throws Exception {
        stubSequence(server, WireMock::post, status(503), status(200));

        HttpResponse<String> response = RetryingHttpClient.of(plain, policy()).send(post(), BodyHandlers.ofString());

        assertEquals(503, response.statusCode());
        assertEquals(1, received().size());
    }

    @Test
    void send_whenAPatchIsCut_isNotRetriedButAPutIs() throws Exception {
        cutThenOk(WireMock::patch);
        RetryingHttpClient client = RetryingHttpClient.of(plain, policy());
        HttpRequest patch = to(PATH).method("PATCH", HttpRequest.BodyPublishers.ofString(PAYLOAD)).build();
        assertThrows(IOException.class, () -> client.send(patch, BodyHandlers.ofString()));
        assertEquals(1, received().size());

        server.resetAll();
        cutThenOk(WireMock::put);
        HttpRequest put = to(PATH).PUT(HttpRequest.BodyPublishers.ofString(PAYLOAD)).build();
        assertEquals(200, client.send(put, BodyHandlers.ofString()).statusCode());
        assertEquals(3, received().size(), "PUT is idempotent: retried by the policy (the JDK re-sends no PUT)");
    }

    @Test
    void send_whenTheCallerOptsIn_retriesTheCutPostWithoutAKey() throws Exception {
        cutThenOk(WireMock::post);
        RetryingHttpClient client = RetryingHttpClient.builder(plain, policy()).retryNonIdempotent(true).build();

        assertEquals(200, client.send(post(), BodyHandlers.ofString()).statusCode());

        assertEquals(3, received().size());
        received().forEach(attempt -> assertFalse(attempt.containsHeader(KEY), "no key was attached"));
    }

    @Test
    void send_whenMethodsAreConfigured_guardsThoseOnly() throws Exception {
        cutThenOk(WireMock::post);
        RetryingHttpClient client = RetryingHttpClient.builder(plain, policy())
                .nonIdempotentMethods(Set.of("PATCH")).build();

        assertEquals(200, client.send(post(), BodyHandlers.ofString()).statusCode());
        assertEquals(3, received().size());
    }

    @Test
    void sendAsync_whenAttachingKeys_retriesTheCutPostWithTheSameKey() throws Exception {
        cutThenOk(WireMock::post);
        VirtualTime auto = new VirtualTime().autoRun();
        RetryPolicy policy = auto.install(RetryPolicy.builder()).maxAttempts(3).build();

        HttpResponse<String> response = RetryingHttpClient.builder(plain, policy).attachIdempotencyKey(true).build()
                .sendAsync(post(), BodyHandlers.ofString()).get(PATIENT.toSeconds(), TimeUnit.SECONDS);

        assertEquals(200, response.statusCode());
        assertEquals(1, received().stream().map(attempt -> attempt.getHeader(KEY)).distinct().count());
        assertEquals(3, received().size());
    }

    @Test
    void sendAsync_whenThePostIsCutWithoutAKey_failsAfterOneAttempt() {
        cutThenOk(WireMock::post);
        VirtualTime auto = new VirtualTime().autoRun();
        RetryPolicy policy = auto.install(RetryPolicy.builder()).maxAttempts(3).build();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> RetryingHttpClient.of(plain, policy)
                .sendAsync(post(), BodyHandlers.ofString()).get(PATIENT.toSeconds(), TimeUnit.SECONDS));

        assertInstanceOf(IOException.class, failure.getCause());
        assertEquals(1, received().size());
    }

    /**
     * What the JDK's own client does beneath any wrapper (JDK 17: {@code MultiExchange}): a request whose
     * connection closes before the first byte of the response is sent once more by the client itself if it is
     * a GET or HEAD, never if it is a POST or PUT (unless {@code -Djdk.httpclient.enableAllMethodRetry}).
     */
    @Test
    void jdkClient_whenTheConnectionIsCutBeforeTheResponse_resendsAGetByItselfButNotAPostOrPut() throws Exception {
        stubSequence(server, WireMock::get, aResponse().withFault(Fault.EMPTY_RESPONSE), status(200));
        HttpResponse<String> get = plain.send(to(PATH).GET().build(), BodyHandlers.ofString());
        assertEquals(200, get.statusCode(), "one send of a plain JDK client");
        assertEquals(2, received().size(), "the JDK sent the GET twice");

        server.resetAll();
        cutThenOk(WireMock::post);
        assertThrows(IOException.class, () -> plainClient().send(post(), BodyHandlers.ofString()));
        assertEquals(1, received().size(), "the JDK sent the POST once");

        server.resetAll();
        cutThenOk(WireMock::put);
        assertThrows(IOException.class, () -> plainClient().send(to(PATH).PUT(HttpRequest.BodyPublishers
                .ofString(PAYLOAD)).build(), BodyHandlers.ofString()));
        assertEquals(1, received().size(), "the JDK sent the PUT once");
    }

    @Test
    void builder_whenGivenBadValues_failsWithTheParameterNamed() {
        RetryingHttpClientBuilder builder = RetryingHttpClient.builder(plain, policy());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.nonIdempotentMethods(Set.of("PO ST")))
                .getMessage().startsWith("method must be an HTTP token"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> builder.idempotencyKeyHeader(""))
                .getMessage().startsWith("idempotencyKeyHeader"));
        assertThrows(NullPointerException.class, () -> builder.idempotencyKeys(null));
        assertThrows(NullPointerException.class, () -> builder.nonIdempotentMethods(null));
        assertEquals("idempotencyKeyHeader must not be null",
                assertThrows(NullPointerException.class, () -> builder.idempotencyKeyHeader(null)).getMessage());
    }

    @Test
    void builder_whenANameHasEveryTokenCharacter_acceptsIt() throws Exception {
        String everyTokenCharacter = "azAZ09!#$%&'*+-.^_`|~";
        cutThenOk(WireMock::post);
        RetryingHttpClient client = RetryingHttpClient.builder(plain, policy())
                .nonIdempotentMethods(Set.of(everyTokenCharacter)).idempotencyKeyHeader(everyTokenCharacter)
                .idempotencyKeys(() -> "k-1").attachIdempotencyKey(true).build();

        assertEquals(200, client.send(post(), BodyHandlers.ofString()).statusCode(), "POST is no longer guarded");
        assertEquals(3, received().size());
    }

    @Test
    void builder_whenANameHasACharacterJustOutsideTheTokenRanges_rejectsIt() {
        RetryingHttpClientBuilder builder = RetryingHttpClient.builder(plain, policy());

        // the neighbours of a-z, A-Z and 0-9 in ASCII that are not token characters, and a separator and a space
        for (String bad : List.of("@", "[", "{", "/", ":", "\"", " ", "\u00e9")) {
            assertThrows(IllegalArgumentException.class, () -> builder.idempotencyKeyHeader("X" + bad + "Key"), bad);
            assertThrows(IllegalArgumentException.class, () -> builder.nonIdempotentMethods(Set.of("P" + bad)), bad);
        }
    }

    @Test
    void toBuilder_keepsTheSettings() throws Exception {
        cutThenOk(WireMock::post);
        RetryingHttpClient attaching = RetryingHttpClient.builder(plain, policy()).idempotencyKeyHeader("X-Request-Key")
                .idempotencyKeys(() -> "fixed-key").attachIdempotencyKey(true).build();

        attaching.toBuilder().build().send(post(), BodyHandlers.ofString());

        received().forEach(attempt -> assertEquals("fixed-key", attempt.getHeader("X-Request-Key")));
        assertEquals(3, received().size());
    }
}
