package dev.secondchance.servlet;

import static dev.secondchance.servlet.Http.postJson;
import static dev.secondchance.servlet.Http.replayed;
import static dev.secondchance.servlet.Http.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.WhenInProgress;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The filter's answers, in a real Jetty on loopback, over the in-memory store. */
class IdempotencyFilterTest {

    private static final String CHARGE = "{\"amount\":1250,\"currency\":\"EUR\"}";

    private final PaymentServlet servlet = new PaymentServlet();
    private TestJetty jetty;

    private TestJetty start(IdempotencyFilterBuilder filter) throws Exception {
        jetty = TestJetty.start(filter.build(), servlet);
        return jetty;
    }

    private TestJetty start() throws Exception {
        return start(IdempotencyFilter.builder(IdempotencyStore.inMemory()));
    }

    @AfterEach
    void stop() throws Exception {
        if (jetty != null) {
            jetty.close();
        }
    }

    @Test
    void post_whenFirstWithKey_runsAndSendsTheServletsWholeResponse() throws Exception {
        start();
        HttpResponse<String> first = send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(201, first.statusCode());
        assertEquals("{\"payment\":1,\"request\":" + CHARGE + "}", first.body());
        assertEquals("session=1", first.headers().firstValue("Set-Cookie").orElseThrow());
        assertEquals("1", first.headers().firstValue("X-Run").orElseThrow());
        assertFalse(replayed(first));
        assertEquals(1, servlet.runs("k1"));
    }

    @Test
    void post_whenSameKeyAndRequestAgain_replaysStatusBodyAndReplayableHeadersOnly() throws Exception {
        start();
        HttpResponse<String> first = send(postJson(jetty.uri("/payments"), "k1", CHARGE));
        HttpResponse<String> again = send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(first.statusCode(), again.statusCode());
        assertEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElseThrow());
        assertEquals("/payments/1", again.headers().firstValue("Location").orElseThrow());
        assertTrue(again.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(again.headers().firstValue("Set-Cookie").isEmpty(), "another client's cookie is never replayed");
        assertTrue(again.headers().firstValue("X-Run").isEmpty(), "X-Run is not a replay header");
        assertEquals(1, servlet.runs("k1"));
    }

    @Test
    void post_whenExtraReplayHeaderConfigured_replaysItToo() throws Exception {
        start(IdempotencyFilter.builder(IdempotencyStore.inMemory()).replayHeaders("X-Run"));
        send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        HttpResponse<String> again = send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals("1", again.headers().firstValue("X-Run").orElseThrow());
    }

    @Test
    void post_whenClientErrorAnswer_recordsAndReplaysIt() throws Exception {
        start();
        String declined = "{\"card\":\"declined\"}";
        assertEquals(402, send(postJson(jetty.uri("/payments"), "k1", declined)).statusCode());

        HttpResponse<String> again = send(postJson(jetty.uri("/payments"), "k1", declined));

        assertEquals(402, again.statusCode());
        assertTrue(replayed(again));
        assertEquals(1, servlet.runs("k1"));
    }

    @Test
    void post_whenSameKeyWithAnotherBody_answers422ProblemAndRunsNothing() throws Exception {
        start();
        send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        HttpResponse<String> other = send(postJson(jetty.uri("/payments"), "k1", "{\"amount\":9999}"));

        assertEquals(422, other.statusCode());
        assertEquals("application/problem+json", other.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(other.body().contains("\"type\":\"https://secondchance.dev/problems/idempotency-key-reused\""),
                other.body());
        assertTrue(other.body().contains("\"status\":422"), other.body());
        assertEquals(1, servlet.totalRuns());
    }

    @Test
    void post_whenSameKeyWithAnotherPathOrQuery_answers422() throws Exception {
        start();
        send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(422, send(postJson(jetty.uri("/refunds"), "k1", CHARGE)).statusCode());
        assertEquals(422, send(postJson(jetty.uri("/payments?capture=false"), "k1", CHARGE)).statusCode());
        assertEquals(1, servlet.totalRuns());
    }

    @Test
    void post_whenJsonDiffersOnlyInKeyOrderAndWhitespace_replays() throws Exception {
        start();
        send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        HttpResponse<String> reordered = send(postJson(jetty.uri("/payments"), "k1",
                "{ \"currency\" : \"EUR\",\n  \"amount\" : 1250 }"));

        assertEquals(201, reordered.statusCode());
        assertTrue(replayed(reordered));
        assertEquals(1, servlet.totalRuns());
    }

    @Test
    void post_whenCanonicalJsonOff_comparesBodiesByteForByte() throws Exception {
        start(IdempotencyFilter.builder(IdempotencyStore.inMemory()).canonicalJson(false));
        send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(422, send(postJson(jetty.uri("/payments"), "k1",
                "{\"currency\":\"EUR\",\"amount\":1250}")).statusCode());
    }

    @Test
    void post_whenKeyMissing_answers400ProblemAndRunsNothing() throws Exception {
        start();
        HttpResponse<String> missing = send(postJson(jetty.uri("/payments"), null, CHARGE));

        assertEquals(400, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(missing.body().contains("idempotency-key-missing"), missing.body());
        assertTrue(missing.body().contains("Idempotency-Key header"), missing.body());
        assertEquals(0, servlet.totalRuns());
    }

    @Test
    void post_whenKeyNotRequired_runsKeylessRequestsUnguarded() throws Exception {
        start(IdempotencyFilter.builder(IdempotencyStore.inMemory()).keyRequired(false));
        send(postJson(jetty.uri("/payments"), null, CHARGE));
        send(postJson(jetty.uri("/payments"), null, CHARGE));

        assertEquals(2, servlet.totalRuns());
    }

    @Test
    void post_whenKeyInvalid_answers400() throws Exception {
        start();
        HttpResponse<String> tooLong = send(postJson(jetty.uri("/payments"), "k".repeat(256), CHARGE));

        assertEquals(400, tooLong.statusCode());
        assertTrue(tooLong.body().contains("idempotency-key-invalid"), tooLong.body());
        assertEquals(0, servlet.totalRuns());
    }

    @Test
    void post_whenKeyIsAStructuredFieldString_isTheSameKeyAsBare() throws Exception {
        start();
        send(postJson(jetty.uri("/payments"), "\"k1\"", CHARGE));

        assertTrue(replayed(send(postJson(jetty.uri("/payments"), "k1", CHARGE))));
        assertEquals(1, servlet.totalRuns());
    }

    @Test
    void post_whenPathOrMethodNotGuarded_passesThroughWithoutKey() throws Exception {
        start(IdempotencyFilter.builder(IdempotencyStore.inMemory()).pathPrefixes("/payments").methods("PUT"));
        assertEquals(201, send(postJson(jetty.uri("/payments"), null, CHARGE)).statusCode());
        assertEquals(201, send(postJson(jetty.uri("/payments"), "k1", CHARGE)).statusCode());
        assertEquals(201, send(postJson(jetty.uri("/payments"), "k1", CHARGE)).statusCode());

        assertEquals(3, servlet.totalRuns());
    }

    @Test
    void post_whenPathPrefixGuarded_guardsSubpathsButNotLookalikes() throws Exception {
        start(IdempotencyFilter.builder(IdempotencyStore.inMemory()).pathPrefixes("/payments"));
        assertEquals(400, send(postJson(jetty.uri("/payments/42/capture"), null, CHARGE)).statusCode());
        assertEquals(201, send(postJson(jetty.uri("/payments2"), null, CHARGE)).statusCode());
    }

    @Test
    void post_whenServletAnswers503_sendsItReleasesTheKeyAndTheRetryRuns() throws Exception {
        start();
        servlet.script("k1", PaymentServlet.Action.ANSWER_503);

        HttpResponse<String> failed = send(postJson(jetty.uri("/payments"), "k1", CHARGE));
        HttpResponse<String> retry = send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(503, failed.statusCode());
        assertEquals("card network unavailable", failed.body());
        assertEquals(201, retry.statusCode());
        assertFalse(replayed(retry));
        assertEquals(2, servlet.runs("k1"));
    }

    @Test
    void post_whenServletThrows_answers500ReleasesTheKeyAndTheRetryRuns() throws Exception {
        start();
        servlet.script("k1", PaymentServlet.Action.THROW);

        assertEquals(500, send(postJson(jetty.uri("/payments"), "k1", CHARGE)).statusCode());
        HttpResponse<String> retry = send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(201, retry.statusCode());
        assertEquals(2, servlet.runs("k1"));
    }

    @Test
    void post_whenServerErrorsRecorded_replaysThe503AndNeverRunsAgain() throws Exception {
        start(IdempotencyFilter.builder(IdempotencyStore.inMemory()).serverErrors(ServerErrors.RECORD));
        servlet.script("k1", PaymentServlet.Action.ANSWER_503);
        send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        HttpResponse<String> again = send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(503, again.statusCode());
        assertTrue(replayed(again));
        assertEquals(1, servlet.runs("k1"));
    }

    @Test
    void post_whenServerErrorsRecordedAndServletThrows_replaysA500ProblemAndNeverRunsAgain() throws Exception {
        start(IdempotencyFilter.builder(IdempotencyStore.inMemory()).serverErrors(ServerErrors.RECORD));
        servlet.script("k1", PaymentServlet.Action.THROW);
        assertEquals(500, send(postJson(jetty.uri("/payments"), "k1", CHARGE)).statusCode());

        HttpResponse<String> again = send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(500, again.statusCode());
        assertTrue(again.body().contains("request-failed"), again.body());
        assertEquals(1, servlet.runs("k1"));
    }

    @Test
    void post_whenDuplicateArrivesWhileFirstRunsAndFailFast_answers409WithRetryAfter() throws Exception {
        start(IdempotencyFilter.builder(IdempotencyStore.inMemory())
                .executor(e -> e.whenInProgress(WhenInProgress.FAIL_FAST)));
        servlet.script("k1", PaymentServlet.Action.HOLD);
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> send(postJson(jetty.uri("/payments"), "k1", CHARGE)));
        servlet.awaitHeld();

        HttpResponse<String> duplicate = send(postJson(jetty.uri("/payments"), "k1", CHARGE));
        servlet.releaseHeld();

        assertEquals(409, duplicate.statusCode());
        long retryAfter = Long.parseLong(duplicate.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 30, "Retry-After " + retryAfter + " s, within the 30 s lease");
        assertTrue(duplicate.body().contains("request-in-progress"), duplicate.body());
        assertEquals(201, first.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(1, servlet.runs("k1"));
    }

    @Test
    void post_whenDuplicatesArriveWhileFirstRuns_theyWaitAndGetTheSameResponse() throws Exception {
        start();
        servlet.script("k1", PaymentServlet.Action.HOLD);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                    () -> send(postJson(jetty.uri("/payments"), "k1", CHARGE)), clients);
            servlet.awaitHeld();
            CompletableFuture<HttpResponse<String>> duplicate = CompletableFuture.supplyAsync(
                    () -> send(postJson(jetty.uri("/payments"), "k1", CHARGE)), clients);
            assertFalse(duplicate.isDone());
            servlet.releaseHeld();

            assertEquals(first.get(30, TimeUnit.SECONDS).body(), duplicate.get(30, TimeUnit.SECONDS).body());
            assertTrue(replayed(duplicate.get()));
            assertEquals(1, servlet.runs("k1"));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void post_whenResponseTooLargeToRecord_firstGetsItLaterOnesGet410AndItNeverRunsAgain() throws Exception {
        start(IdempotencyFilter.builder(IdempotencyStore.inMemory(Clock.systemUTC(), 4096)));
        servlet.script("k1", PaymentServlet.Action.BIG_BODY);

        HttpResponse<String> first = send(postJson(jetty.uri("/payments"), "k1", CHARGE));
        HttpResponse<String> again = send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(201, first.statusCode());
        assertTrue(first.body().length() > 8 * 1024);
        assertEquals(410, again.statusCode());
        assertTrue(again.body().contains("response-not-recorded"), again.body());
        assertTrue(again.body().contains("do not retry"), again.body());
        assertEquals(1, servlet.runs("k1"));
    }

    @Test
    void post_whenBodyOverTheLimit_answers413AndRunsNothing() throws Exception {
        start(IdempotencyFilter.builder(IdempotencyStore.inMemory()).maxRequestBodyBytes(16));
        HttpResponse<String> tooLarge = send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(413, tooLarge.statusCode());
        assertEquals(0, servlet.totalRuns());
    }

    @Test
    void post_whenReplayed_costsOneStoreRoundTrip() throws Exception {
        CountingStore store = new CountingStore(IdempotencyStore.inMemory());
        start(IdempotencyFilter.builder(store));
        send(postJson(jetty.uri("/payments"), "k1", CHARGE));
        assertEquals(2, store.calls(), "a first execution: claim and complete");
        store.reset();

        send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(1, store.calls(), "a replay: the failed claim carries the record");
    }

    @Test
    void post_whenStoreUnreachableBeforeTheRun_answers503WithRetryAfterAndRunsNothing() throws Exception {
        IdempotencyStore down = new CountingStore(IdempotencyStore.inMemory()) {
            @Override
            public dev.secondchance.idempotency.spi.ClaimResult claim(
                    dev.secondchance.idempotency.spi.ClaimRequest request) {
                throw new java.io.UncheckedIOException(new java.net.ConnectException("store down"));
            }
        };
        start(IdempotencyFilter.builder(down).executor(e -> e.storeRetryPolicy(
                dev.secondchance.retry.RetryPolicy.builder().maxAttempts(1).build())));

        HttpResponse<String> unavailable = send(postJson(jetty.uri("/payments"), "k1", CHARGE));

        assertEquals(503, unavailable.statusCode());
        assertEquals("1", unavailable.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(unavailable.body().contains("store-unavailable"), unavailable.body());
        assertEquals(0, servlet.totalRuns());
    }

    @Test
    void post_whenFormBody_fingerprintsItsParametersAndTheServletStillReadsThem() throws Exception {
        jetty = TestJetty.start(IdempotencyFilter.builder(IdempotencyStore.inMemory()).build(), new FormServlet());
        HttpRequest form = Http.post(jetty.uri("/orders"), "k1", "application/x-www-form-urlencoded",
                "item=book&qty=2");

        assertEquals("book x 2", send(form).body());
        assertTrue(replayed(send(form)));
        assertEquals(422, send(Http.post(jetty.uri("/orders"), "k1", "application/x-www-form-urlencoded",
                "item=book&qty=3")).statusCode());
    }

    /** Answers with two form parameters. */
    static final class FormServlet extends jakarta.servlet.http.HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.setContentType("text/plain");
            response.getWriter().write(request.getParameter("item") + " x " + request.getParameter("qty"));
        }
    }
}
