package dev.secondchance.retry.readme;

// README:BEGIN
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.http.RetryingHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

class QuickStart {

    // One policy per client: all its calls share one retry budget and one set of metrics.
    static final RetryPolicy RETRY = RetryPolicy.builder()
            .maxAttempts(4)                   // the first attempt and up to three retries
            .deadline(Duration.ofSeconds(10)) // never start a wait that would end after 10 s
            .build();

    // java.net.http: 500/502/503/504, 429 and connection faults are retried; Retry-After is honoured.
    static final HttpClient HTTP = RetryingHttpClient.of(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), RETRY);

    static String fetch(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    // Anything else: the original exception comes back if the retries end.
    static String read(Path file) throws IOException {
        return RETRY.call(() -> Files.readString(file));
    }
}
// README:END
