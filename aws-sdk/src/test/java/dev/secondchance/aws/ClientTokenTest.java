package dev.secondchance.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

    @Test
    void derivedFrom_whenSameKey_givesSameTokenAndOtherKeysDiffer() {
        assertEquals(ClientToken.derivedFrom("order-42"), ClientToken.derivedFrom("order-42"));
        assertNotEquals(ClientToken.derivedFrom("order-42"), ClientToken.derivedFrom("order-43"));
        assertEquals(36, ClientToken.derivedFrom("order-42").value().length());
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
        assertThrows(NullPointerException.class, () -> ClientToken.derivedFrom(null));
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
