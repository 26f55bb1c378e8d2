package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.secondchance.idempotency.spi.Completion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The built-in codecs write their documented id and version into every record (a record outlives the
 * deployment that wrote it, and a replay checks both), and the bytes codec hands out copies.
 */
class ResultCodecsTest extends ExecutorTestBase {

    @Test
    void execute_withTheBytesCodec_recordsIdBytesVersion1AndReplaysACopy() {
        IdempotentExecutor<byte[]> executor = IdempotentExecutor.builder(memory, ResultCodec.bytes())
                .clock(time.wallClock()).ticker(time).sleeper(time).scheduler(time).build();
        byte[] receipt = "receipt 1".getBytes(StandardCharsets.UTF_8);

        byte[] first = executor.execute(token, REQUEST, () -> receipt);
        first[0] = 'X';
        byte[] replayed = executor.execute(token, REQUEST, () -> new byte[0]);
        replayed[1] = 'X';

        assertArrayEquals("receipt 1".getBytes(StandardCharsets.UTF_8), executor.execute(token, REQUEST,
                () -> new byte[0]), "neither the caller's array nor a replayed one changes the stored result");
        Completion stored = memory.read(key).orElseThrow().completion();
        assertEquals("bytes", stored.codecId());
        assertEquals(1, stored.codecVersion());
    }

    @Test
    void execute_withTheUtf8Codec_recordsIdUtf8Version1AndTheUtf8Bytes() {
        builder(memory).build().execute(token, REQUEST, () -> "receipt 1");

        Completion stored = memory.read(key).orElseThrow().completion();
        assertEquals("utf-8", stored.codecId());
        assertEquals(1, stored.codecVersion());
        assertArrayEquals("receipt 1".getBytes(StandardCharsets.UTF_8), stored.result());
    }
}
