package dev.secondchance.examples.http;

import dev.secondchance.examples.cli.ExampleMain;
import dev.secondchance.examples.cli.Option;
import dev.secondchance.examples.cli.Options;
import dev.secondchance.examples.report.Check;
import dev.secondchance.idempotency.IdempotencyTokens;
import dev.secondchance.idempotency.dynamodb.DynamoDbIdempotencyStore;
import dev.secondchance.idempotency.dynamodb.IdempotencyTable;
import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.retry.Backoff;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.Verdict;
import dev.secondchance.retry.http.RetryingHttpClient;
import dev.secondchance.testing.dynamodb.Dynalite;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Idempotent payments over HTTP: a payment server in Jetty behind {@code IdempotencyFilter}, a client that retries
 * with {@code RetryingHttpClient} and the same {@code Idempotency-Key} on every attempt. Five scenarios, each
 * printing what every attempt did on both sides, then checks; exit code 1 if one does not hold. A few seconds.
 */
public final class IdempotentPaymentsOverHttp {

    /** How to start it, for the usage line. */
    public static final String COMMAND = "java -cp <classpath> " + IdempotentPaymentsOverHttp.class.getName();

    static final String ABOUT = """
            Idempotent payments over HTTP: a payment server (Jetty 12 on 127.0.0.1) behind IdempotencyFilter, and a
            client (RetryingHttpClient) that sends the same Idempotency-Key header with every attempt.
              1. the reply is lost after the charge: the client retries, the server replays the receipt: one charge
                 (and the same without the filter: two charges);
              2. a double-click x 16: 16 concurrent requests with one key: one charge, 16 identical receipts;
              3. the same key with another amount: 422, nothing charged;
              4. the server fails: 500, the key is released, the client's retry charges once;
              5. no key: 400, nothing charged.
            The keys are kept in memory (IdempotencyStore.inMemory), or with --dynalite in the DynamoDB store on
            dynalite, an open-source DynamoDB emulator started on 127.0.0.1 (Node.js 20+).""";

    private IdempotentPaymentsOverHttp() {}

    /**
     * Runs the example.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        ExampleMain.exitIfFailed(ExampleMain.run(COMMAND, ABOUT, options(), args,
                options -> run(options.flag("dynalite"), System.out), System.out, System.err));
    }

    /** @return the options this example knows */
    public static List<Option> options() {
        return List.of(
                Option.value("out", "DIR", ExampleMain.DEFAULT_OUT.toString(), "unused: this example writes no file"),
                Option.flag("dynalite", "keep the keys in the DynamoDB store on dynalite instead of in memory"));
    }

    /**
     * Runs the five scenarios and prints them and the checks.
     *
     * @param dynalite true to keep the keys in the DynamoDB store on dynalite
     * @param out where the story goes
     * @return the checks
     * @throws Exception if the server cannot start, or a check does not hold
     */
    public static List<Check> run(boolean dynalite, PrintStream out) throws Exception {
        IdempotencyStore store = dynalite ? dynamoDbStore() : IdempotencyStore.inMemory();
        out.printf("%nIdempotent payments over HTTP: keys in %s%n", dynalite ? "DynamoDB (dynalite on 127.0.0.1)"
                : "memory");
        List<Check> checks = new ArrayList<>();
        try (PaymentServer server = new PaymentServer(store, out)) {
            Client client = new Client(out);
            checks.add(lostReply(server, client, out));
            checks.add(lostReplyWithoutTheFilter(server, client, out));
            checks.add(doubleClicks(server, client, out));
            checks.add(keyReused(server, client, out));
            checks.add(serverFails(server, client, out));
            checks.add(noKey(server, client, out));
        }
        out.printf("%nChecks%n");
        checks.forEach(check -> out.println(check.line()));
        if (!checks.stream().allMatch(Check::holds)) {
            throw new IllegalStateException("some checks do not hold");
        }
        return checks;
    }

    private static Check lostReply(PaymentServer server, Client client, PrintStream out) {
        out.printf("%n1. The reply is lost after the charge; the client retries with the same key%n");
        String key = IdempotencyTokens.random();
        server.loseNextReply();
        HttpResponse<String> response = client.send(server.uri("/payments"), key, "{\"order\":\"o-1\",\"amount\":1250}");
        return new Check("a lost reply, retried with the key, charges once and returns the original receipt",
                server.charges("o-1") == 1 && response.statusCode() == 201 && response.body().contains("\"r-1\""),
                server.charges("o-1") + " charge(s), " + response.statusCode() + " " + response.body());
    }

    private static Check lostReplyWithoutTheFilter(PaymentServer server, Client client, PrintStream out) {
        out.printf("%n1b. The same on /unsafe/payments, where no IdempotencyFilter is%n");
        server.loseNextReply();
        client.send(server.uri("/unsafe/payments"), IdempotencyTokens.random(), "{\"order\":\"o-1b\",\"amount\":1250}");
        return new Check("without the filter, the same retry charges twice", server.charges("o-1b") == 2,
                server.charges("o-1b") + " charges");
    }

    private static Check doubleClicks(PaymentServer server, Client client, PrintStream out) throws Exception {
        out.printf("%n2. 16 concurrent requests with one key (a double-click, x 16)%n");
        String key = IdempotencyTokens.random();
        ExecutorService threads = Executors.newFixedThreadPool(16);
        Set<String> bodies = new HashSet<>();
        try {
            List<CompletableFuture<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> client.sendQuietly(server.uri("/payments"), key,
                        "{\"order\":\"o-2\",\"amount\":990}"), threads));
            }
            int replays = 0;
            for (CompletableFuture<HttpResponse<String>> future : futures) {
                HttpResponse<String> response = future.get();
                bodies.add(response.statusCode() + " " + response.body());
                replays += response.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
            }
            out.printf("    client: 16 x POST /payments {\"order\":\"o-2\",\"amount\":990} key=%s%n", key);
            out.printf("    client: <- %d responses marked Idempotent-Replayed, %d distinct: %s%n", replays,
                    bodies.size(), bodies);
        } finally {
            threads.shutdownNow();
        }
        return new Check("16 concurrent duplicates charge once and get one identical receipt",
                server.charges("o-2") == 1 && bodies.size() == 1,
                server.charges("o-2") + " charge(s), " + bodies.size() + " distinct response(s): " + bodies);
    }

    private static Check keyReused(PaymentServer server, Client client, PrintStream out) {
        out.printf("%n3. One key sent again with another amount%n");
        String key = IdempotencyTokens.random();
        client.send(server.uri("/payments"), key, "{\"order\":\"o-3\",\"amount\":500}");
        HttpResponse<String> reused = client.send(server.uri("/payments"), key, "{\"order\":\"o-3\",\"amount\":50000}");
        return new Check("a key reused with another amount is refused with 422 and charges nothing",
                reused.statusCode() == 422 && server.charges("o-3") == 1,
                reused.statusCode() + ", " + server.charges("o-3") + " charge(s)");
    }

    private static Check serverFails(PaymentServer server, Client client, PrintStream out) {
        out.printf("%n4. The card network fails on the first attempt%n");
        server.failNextCharge();
        HttpResponse<String> response = client.send(server.uri("/payments"), IdempotencyTokens.random(),
                "{\"order\":\"o-4\",\"amount\":700}");
        return new Check("a 500 releases the key and the client's retry charges once",
                response.statusCode() == 201 && server.charges("o-4") == 1,
                response.statusCode() + ", " + server.charges("o-4") + " charge(s)");
    }

    private static Check noKey(PaymentServer server, Client client, PrintStream out) {
        out.printf("%n5. No Idempotency-Key%n");
        HttpResponse<String> response = client.sendWithoutKey(server.uri("/payments"), "{\"order\":\"o-5\",\"amount\":1}");
        return new Check("a payment without a key is refused with 400 and charges nothing",
                response.statusCode() == 400 && server.charges("o-5") == 0,
                response.statusCode() + " " + response.body());
    }

    private static IdempotencyStore dynamoDbStore() {
        DynamoDbClient dynamo = Dynalite.shared().client();
        IdempotencyTable.createIfAbsent(dynamo, "payments_over_http");
        return DynamoDbIdempotencyStore.builder(dynamo, "payments_over_http").build();
    }

    /** The client: the library's retrying client, printing each attempt that failed and each answer. */
    private static final class Client {
        private final PrintStream out;
        private final RetryingHttpClient http;

        Client(PrintStream out) {
            this.out = out;
            RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).backoff(Backoff.fixed(Duration.ofMillis(50)))
                    .listener(new RetryListener() {
                        @Override
                        public void onAttemptFailed(int attempt, Object result, Throwable failure, Verdict verdict) {
                            String what = failure != null ? failure.getClass().getSimpleName() + ": "
                                    + failure.getMessage() : "HTTP " + ((HttpResponse<?>) result).statusCode();
                            out.printf("    client: attempt %d failed (%s); verdict %s%n", attempt, what,
                                    verdict.kind());
                        }
                    })
                    .build();
            http = RetryingHttpClient.of(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build(), policy);
        }

        HttpResponse<String> send(java.net.URI uri, String key, String json) {
            out.printf("    client: POST %s %s key=%s%n", uri.getPath(), json, key);
            HttpResponse<String> response = sendQuietly(uri, key, json);
            out.printf("    client: <- %d%s %s%n", response.statusCode(),
                    response.headers().firstValue("Idempotent-Replayed").map(r -> " (Idempotent-Replayed: " + r + ")")
                            .orElse(""), response.body());
            return response;
        }

        /** Sends with the wrapped client: a {@code RetryingHttpClient} may be set to attach a key of its own. */
        HttpResponse<String> sendWithoutKey(java.net.URI uri, String json) {
            out.printf("    client: POST %s %s, no key%n", uri.getPath(), json);
            try {
                HttpResponse<String> response = http.delegate().send(HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                out.printf("    client: <- %d %s%n", response.statusCode(), response.body());
                return response;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        HttpResponse<String> sendQuietly(java.net.URI uri, String key, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
