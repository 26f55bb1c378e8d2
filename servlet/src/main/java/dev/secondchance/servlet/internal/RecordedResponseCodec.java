package dev.secondchance.servlet.internal;

import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.servlet.RecordedResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a {@link RecordedResponse}: status (int), header count (int), per header its name (UTF)
 * and value count (int) and values (UTF), body length (int) and body bytes; nothing may follow.
 */
public final class RecordedResponseCodec implements ResultCodec<RecordedResponse> {

    /** The one instance; stateless. */
    public static final RecordedResponseCodec INSTANCE = new RecordedResponseCodec();

    private RecordedResponseCodec() {}

    @Override
    public String id() {
        return "http-response";
    }

    @Override
    public int version() {
        return 1;
    }

    @Override
    public byte[] encode(RecordedResponse response) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + response.bodyLength());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(response.status());
            out.writeInt(response.headers().size());
            for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
                out.writeUTF(header.getKey());
                out.writeInt(header.getValue().size());
                for (String value : header.getValue()) {
                    out.writeUTF(value);
                }
            }
            out.writeInt(response.bodyLength());
            out.write(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the response", e);
        }
        return bytes.toByteArray();
    }

    @Override
    public RecordedResponse decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int status = in.readInt();
            int headerCount = count(in, bytes.length);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 0; i < headerCount; i++) {
                String name = in.readUTF();
                int valueCount = count(in, bytes.length);
                List<String> values = new ArrayList<>(valueCount);
                for (int v = 0; v < valueCount; v++) {
                    values.add(in.readUTF());
                }
                headers.put(name, values);
            }
            byte[] body = new byte[count(in, bytes.length)];
            in.readFully(body);
            if (in.read() != -1) {
                throw new IllegalArgumentException("a recorded response has bytes after its body");
            }
            return RecordedResponse.of(status, headers, body);
        } catch (IOException e) {
            throw new IllegalArgumentException("a recorded response is truncated", e);
        }
    }

    private static int count(DataInputStream in, int limit) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > limit) {
            throw new IllegalArgumentException("a recorded response has a count of " + count + " in " + limit
                    + " bytes");
        }
        return count;
    }
}
