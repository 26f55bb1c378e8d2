package dev.secondchance.servlet.internal;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Jackson's own canonical form: the body read as a tree and written with every object's properties sorted
 * ({@link JsonNodeFeature#WRITE_PROPERTIES_SORTED}) and no whitespace. Reading is strict, so that two bodies
 * that differ never share a form: duplicate keys and trailing tokens make a body "not JSON" (hashed byte for
 * byte), and floating-point numbers are read as {@link java.math.BigDecimal}, never rounded to a double.
 */
final class JacksonCanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private JacksonCanonicalJson() {}

    static byte[] canonical(byte[] body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            return tree == null || tree.isMissingNode() ? null : MAPPER.writeValueAsBytes(tree);
        } catch (IOException notStrictJson) {
            return null;
        } catch (StackOverflowError tooDeep) {
            return null;
        }
    }
}
