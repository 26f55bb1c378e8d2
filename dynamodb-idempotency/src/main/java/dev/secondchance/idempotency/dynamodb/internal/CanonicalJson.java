package dev.secondchance.idempotency.dynamodb.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/** Writes a value as JSON with every object's keys sorted and no whitespace. */
public final class CanonicalJson {

    private CanonicalJson() {}

    /** Returns the canonical UTF-8 JSON of {@code value}. */
    public static byte[] write(ObjectMapper mapper, Object value) {
        JsonNode tree;
        try {
            tree = mapper.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot serialize the request for its fingerprint: " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = mapper.getFactory().createGenerator(out)) {
            writeSorted(generator, tree);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the canonical JSON of the request", e);
        }
        return out.toByteArray();
    }

    private static void writeSorted(JsonGenerator generator, JsonNode node) throws IOException {
        if (node == null || node.isMissingNode()) {
            generator.writeNull();
        } else if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                sorted.put(field.getKey(), field.getValue());
            }
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                generator.writeFieldName(field.getKey());
                writeSorted(generator, field.getValue());
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                writeSorted(generator, element);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }
}
