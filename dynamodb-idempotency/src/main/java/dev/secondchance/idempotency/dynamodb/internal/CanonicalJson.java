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

    /**
     * Returns the canonical UTF-8 JSON of {@code value}. A request nested so deeply that serializing it
     * overflows the stack (Jackson's {@code valueToTree} has no depth limit; a few thousand levels of maps and
     * lists suffice) is rejected with {@link IllegalArgumentException}, like any request Jackson cannot
     * serialize, instead of a {@link StackOverflowError}: the stack has unwound by the time it is caught here.
     */
    public static byte[] write(ObjectMapper mapper, Object value) {
        try {
            return writeTree(mapper, value);
        } catch (StackOverflowError tooDeep) {
            throw new IllegalArgumentException("cannot fingerprint the request: it is nested too deeply to serialize");
        }
    }

    private static byte[] writeTree(ObjectMapper mapper, Object value) {
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
