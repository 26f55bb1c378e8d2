package dev.secondchance.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.secondchance.idempotency.IdempotencyTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

class ClientTokenTest {

    @Test
    void random_isAUuidThatFitsDynamoDb() {
        ClientToken token = ClientToken.random();

        assertEquals(ClientToken.DYNAMODB_MAX_LENGTH, token.value().length());
        assertEquals(4, UUID.fromString(token.value()).version());
        assertEquals(token, ClientToken.of(token.value(), ClientToken.DYNAMODB_MAX_LENGTH));
    }

    @Test
    void random_whenCalledTwice_differs() {
        assertNotEquals(ClientToken.random(), ClientToken.random());
    }

    private static final UUID ORDERS = UUID.fromString("5b6e2c8e-7f4c-4d0a-9a53-3c2f1e0d9b71");
    private static final UUID REFUNDS = UUID.fromString("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9");

    @Test
    void derivedFrom_whenSameNamespaceAndKey_givesSameTokenAndOtherKeysOrNamespacesDiffer() {
        assertEquals(ClientToken.derivedFrom(ORDERS, "order-42"), ClientToken.derivedFrom(ORDERS, "order-42"));
        assertNotEquals(ClientToken.derivedFrom(ORDERS, "order-42"), ClientToken.derivedFrom(ORDERS, "order-43"));
        assertNotEquals(ClientToken.derivedFrom(ORDERS, "order-42"), ClientToken.derivedFrom(REFUNDS, "order-42"));
        assertEquals(36, ClientToken.derivedFrom(ORDERS, "order-42").value().length());
    }

    @Test
    void derivedFrom_whenSameNamespaceAndKey_equalsTheExecutorsDerivedToken() {
        assertEquals(IdempotencyTokens.derived(ORDERS, "order-42"), ClientToken.derivedFrom(ORDERS, "order-42").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\t", "caf\u00e9", "line\n"})
    void of_whenNotPrintableAsciiOrEmpty_throws(String value) {
        assertThrows(IllegalArgumentException.class, () -> ClientToken.of(value));
    }

    @Test
    void of_whenLongerThanLimit_throws() {
        assertEquals(64, ClientToken.of("x".repeat(64)).value().length());
        assertThrows(IllegalArgumentException.class, () -> ClientToken.of("x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> ClientToken.of("x".repeat(37), ClientToken.DYNAMODB_MAX_LENGTH));
    }

    @Test
    void of_whenNull_throwsNullPointer() {
        assertThrows(NullPointerException.class, () -> ClientToken.of(null));
        assertThrows(NullPointerException.class, () -> ClientToken.derivedFrom(ORDERS, null));
        assertThrows(NullPointerException.class, () -> ClientToken.derivedFrom(null, "order-42"));
    }

    @Test
    void applyTo_setsTheFieldOnACopy() {
        TransactWriteItemsRequest original = TransactWriteItemsRequest.builder().build();
        ClientToken token = ClientToken.of("op-1");

        TransactWriteItemsRequest withToken = token.applyTo(original, TransactWriteItemsRequest.Builder::clientRequestToken);

        assertEquals("op-1", withToken.clientRequestToken());
        assertNull(original.clientRequestToken());
        assertEquals(withToken, token.applyTo(withToken, TransactWriteItemsRequest.Builder::clientRequestToken));
    }
}
