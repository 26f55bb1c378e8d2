package dev.secondchance.idempotency.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.secondchance.idempotency.ResultCodec;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonResultCodecTest {

    record Receipt(String id, long cents, List<String> items) {}

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void of_whenRecord_roundTripsAsJsonWithTheJacksonId() {
        ResultCodec<Receipt> codec = JacksonResultCodec.of(mapper, Receipt.class);
        Receipt receipt = new Receipt("r-1", 1999, List.of("book"));

        byte[] json = codec.encode(receipt);

        assertEquals("{\"id\":\"r-1\",\"cents\":1999,\"items\":[\"book\"]}", new String(json, StandardCharsets.UTF_8));
        assertEquals(receipt, codec.decode(json));
        assertEquals("jackson-json", codec.id());
        assertEquals(1, codec.version());
    }

    @Test
    void of_whenGenericTypeReferenceOrJavaType_keepsTheElementType() {
        ResultCodec<List<Receipt>> list = JacksonResultCodec.of(mapper, new TypeReference<List<Receipt>>() {});
        JavaType mapType = mapper.getTypeFactory().constructMapType(Map.class, String.class, Receipt.class);
        ResultCodec<Map<String, Receipt>> map = JacksonResultCodec.of(mapper, mapType);
        Receipt receipt = new Receipt("r-2", 5, List.of());

        assertEquals(receipt, list.decode(list.encode(List.of(receipt))).get(0));
        assertEquals(receipt, map.decode(map.encode(Map.of("a", receipt))).get("a"));
    }

    @Test
    void of_whenStringOrBytes_passesThroughUnchanged() {
        ResultCodec<String> text = JacksonResultCodec.of(mapper, String.class);
        ResultCodec<byte[]> bytes = JacksonResultCodec.of(byte[].class);

        assertSame(ResultCodec.utf8(), text);
        assertArrayEquals("plain".getBytes(StandardCharsets.UTF_8), text.encode("plain"));
        assertArrayEquals(new byte[] {1, 2, 3}, bytes.decode(bytes.encode(new byte[] {1, 2, 3})));
        assertEquals("bytes", bytes.id());
    }

    @Test
    void decode_whenBytesAreNotTheType_throwsUnchecked() {
        ResultCodec<Receipt> codec = JacksonResultCodec.of(Receipt.class);

        assertThrows(UncheckedIOException.class, () -> codec.decode("[1,2]".getBytes(StandardCharsets.UTF_8)));
    }
}
