package dev.secondchance.retry.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/** A minimal {@link HttpResponse} for tests: a status, headers and an empty body. Immutable. */
public final class StubResponse implements HttpResponse<String> {

    private final int status;
    private final HttpHeaders headers;

    /**
     * @param status the HTTP status code
     * @param headers the response headers
     */
    public StubResponse(int status, Map<String, List<String>> headers) {
        this.status = status;
        this.headers = HttpHeaders.of(headers, (name, value) -> true);
    }

    @Override
    public int statusCode() {
        return status;
    }

    @Override
    public HttpRequest request() {
        return HttpRequest.newBuilder(uri()).build();
    }

    @Override
    public Optional<HttpResponse<String>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }

    @Override
    public String body() {
        return "";
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return URI.create("http://example.test/");
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }
}
