package dev.secondchance.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IdempotencyFilterBuilderTest {

    private final IdempotencyFilterBuilder builder = IdempotencyFilter.builder(IdempotencyStore.inMemory());

    @ParameterizedTest
    @ValueSource(strings = {"Set-Cookie", "set-cookie", "Date", "Connection", "Transfer-Encoding", "Content-Length",
            "Keep-Alive", "Upgrade", "Idempotent-Replayed"})
    void replayHeaders_whenHeaderMustNeverBeReplayed_isRefusedWithTheReason(String name) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> builder.replayHeaders(name));
        assertTrue(refused.getMessage().contains("never replayed"), refused.getMessage());
    }

    @Test
    void keyHeader_whenNotAnHttpToken_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> builder.keyHeader("Idempotency Key"));
        assertThrows(IllegalArgumentException.class, () -> builder.keyHeader(""));
        assertThrows(NullPointerException.class, () -> builder.keyHeader(null));
    }

    @Test
    void methodsAndPathPrefixes_whenEmptyOrMalformed_areRefused() {
        assertThrows(IllegalArgumentException.class, () -> builder.methods());
        assertThrows(IllegalArgumentException.class, () -> builder.methods("PO ST"));
        assertThrows(IllegalArgumentException.class, () -> builder.pathPrefixes());
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> builder.pathPrefixes("payments"));
        assertEquals("a path prefix must start with '/', got 'payments'", relative.getMessage());
    }

    @Test
    void maxRequestBodyBytes_whenOutOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> builder.maxRequestBodyBytes(-1));
        assertThrows(IllegalArgumentException.class, () -> builder.maxRequestBodyBytes(64 * 1024 * 1024 + 1));
    }

    @Test
    void build_whenExecutorCustomizerSetsAnInvalidCombination_failsWithTheExecutorsMessage() {
        builder.executor(e -> e.lease(Duration.ofSeconds(1)).heartbeat(Duration.ofSeconds(1)));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(refused.getMessage().contains("lease"), refused.getMessage());
    }

    @Test
    void toBuilder_keepsEverySetting() throws Exception {
        IdempotencyFilter filter = builder.keyHeader("X-Request-Key").methods("put").keyRequired(false).build();
        PaymentServlet servlet = new PaymentServlet();

        try (TestJetty jetty = TestJetty.start(filter.toBuilder().build(), servlet)) {
            var request = java.net.http.HttpRequest.newBuilder(jetty.uri("/payments"))
                    .header("X-Request-Key", "k1").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            Http.send(request);
            Http.send(request);
        }

        assertEquals(2, servlet.totalRuns(), "POST is not guarded by the copy either");
    }
}
