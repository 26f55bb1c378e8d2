package dev.secondchance.benchmarks.idempotency;

import dev.secondchance.idempotency.Fingerprint;
import dev.secondchance.idempotency.IdempotentExecutor;
import dev.secondchance.idempotency.ResultCodec;
import dev.secondchance.idempotency.dynamodb.DynamoDbIdempotencyStore;
import dev.secondchance.idempotency.dynamodb.IdempotencyTable;
import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.ClaimResult;
import dev.secondchance.idempotency.spi.Completion;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cost of idempotency on DynamoDB, against dynalite on a loopback port (a child process; its CPU is not
 * DynamoDB's, so read the ratios to the bare write, not the absolute figures):
 * a bare unconditional {@code PutItem} of a record-sized item, a first execution (claim {@code PutItem}
 * + completion {@code UpdateItem}), and a duplicate replayed from the claim's {@code ALL_OLD} (one
 * {@code PutItem}); and, to tell the executor's cost from the store's, the store's claim alone and its
 * claim + completion called directly. Run with {@code -t 1} and {@code -t 16}; see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 4, time = 3)
public class IdempotencyBenchmark {

    private static final int REPLAYED_TOKENS = 1024;
    private static final Fingerprint REQUEST = Fingerprint.sha256("{\"amount\":100,\"currency\":\"EUR\"}");
    private static final String RESULT = "{\"receipt\":\"r-000000000000\",\"status\":\"captured\"}";
    private static final ResultCodec<String> CODEC = ResultCodec.utf8();
    private static final Completion COMPLETION = Completion.result(CODEC.encode(RESULT), CODEC.id(), CODEC.version());
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration TTL = Duration.ofHours(24);

    private final AtomicLong sequence = new AtomicLong();
    private final String run = UUID.randomUUID().toString();
    private DynaliteServer dynamo;
    private DynamoDbIdempotencyStore store;
    private IdempotentExecutor<String> executor;
    private String[] replayed;

    /** Starts dynalite and completes the tokens that the replay benchmark repeats. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dynamo = new DynaliteServer();
        store = DynamoDbIdempotencyStore.builder(dynamo.client, DynaliteServer.TABLE).build();
        executor = IdempotentExecutor.builder(store, CODEC).build();
        replayed = new String[REPLAYED_TOKENS];
        for (int i = 0; i < REPLAYED_TOKENS; i++) {
            replayed[i] = run + "-replayed-" + i;
            executor.execute(replayed[i], REQUEST, () -> RESULT);
        }
    }

    /** Stops the client and dynalite. */
    @TearDown(Level.Trial)
    public void tearDown() {
        dynamo.close();
    }

    private String nextKey() {
        return run + "-" + sequence.incrementAndGet();
    }

    /**
     * The baseline: one unconditional {@code PutItem} of an item shaped like a claim.
     *
     * @return the response, so the call is not optimized away
     */
    @Benchmark
    public Object barePutItem() {
        return dynamo.client.putItem(b -> b.tableName(DynaliteServer.TABLE).item(Map.of(
                IdempotencyTable.ID, AttributeValue.fromS(nextKey()),
                IdempotencyTable.STATUS, AttributeValue.fromS("IN_PROGRESS"),
                IdempotencyTable.FINGERPRINT, AttributeValue.fromS(REQUEST.hex()),
                IdempotencyTable.OWNER, AttributeValue.fromS(run),
                IdempotencyTable.VERSION, AttributeValue.fromN("1"),
                IdempotencyTable.LEASE_EXPIRY, AttributeValue.fromN("1767225630000"),
                IdempotencyTable.EXPIRATION, AttributeValue.fromN("4102444800"))));
    }

    /**
     * A new token: claim, run a trivial operation, record its result.
     *
     * @return the result
     */
    @Benchmark
    public String firstExecution() {
        return executor.execute(nextKey(), REQUEST, () -> RESULT);
    }

    /**
     * A token already completed: the claim's condition fails and its {@code ALL_OLD} carries the result.
     *
     * @return the replayed result
     */
    @Benchmark
    public String replay() {
        return executor.execute(replayed[(int) (sequence.incrementAndGet() % REPLAYED_TOKENS)], REQUEST, () -> "unused");
    }

    /**
     * The store's claim of a new token alone: one conditional {@code PutItem} that creates the item.
     *
     * @return the claim
     */
    @Benchmark
    public Object storeClaim() {
        return store.claim(new ClaimRequest(nextKey(), REQUEST.hex(), run, LEASE, TTL));
    }

    /**
     * The two writes of a first execution made on the store directly, without the executor: the claim
     * creates the item, the completion updates it.
     *
     * @return the completion's answer
     */
    @Benchmark
    public Object storeClaimAndComplete() {
        String key = nextKey();
        ClaimResult claim = store.claim(new ClaimRequest(key, REQUEST.hex(), run, LEASE, TTL));
        return store.complete(key, run, claim.record().version(), COMPLETION, TTL);
    }
}
