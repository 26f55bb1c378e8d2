package dev.secondchance.idempotency.dynamodb;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Faults, as two WireMock extensions on a proxy in front of dynalite, each with probability {@code percent}.
 * Before DynamoDB: requests throttled ({@code ProvisionedThroughputExceededException}), or answered 500 without
 * being applied. After DynamoDB: applied writes lose their reply as a cut connection (reset or empty), or as a 500.
 * And 10 % of replies are delayed by up to 200 ms. Counts what it did, for the report.
 */
final class FaultProxy {

    private static final String JSON = "application/x-amz-json-1.0";

    private final Supplier<Random> random;
    private final LongAdder throttled = new LongAdder();
    private final LongAdder failedBefore = new LongAdder();
    private final LongAdder cutAfterWrite = new LongAdder();
    private final LongAdder failedAfterWrite = new LongAdder();
    private final LongAdder delayed = new LongAdder();

    private final int percent;

    FaultProxy(Supplier<Random> random, int percent) {
        this.random = random;
        this.percent = percent;
    }

    long throttled() {
        return throttled.sum();
    }

    long cutAfterWrite() {
        return cutAfterWrite.sum();
    }

    /** Faults that keep the request from DynamoDB. */
    ResponseDefinitionTransformerV2 beforeDynamoDb() {
        return new ResponseDefinitionTransformerV2() {
            @Override
            public ResponseDefinition transform(ServeEvent event) {
                int roll = random.get().nextInt(100);
                if (roll < percent) {
                    throttled.increment();
                    return error(400, "ProvisionedThroughputExceededException",
                            "The level of configured provisioned throughput for the table was exceeded.");
                }
                if (roll < 2 * percent) {
                    failedBefore.increment();
                    return error(500, "InternalServerError", "Internal server error");
                }
                return event.getResponseDefinition();
            }

            @Override
            public String getName() {
                return "faults-before-dynamodb";
            }
        };
    }

    /** Faults on the reply of a request DynamoDB applied. */
    ResponseTransformerV2 afterDynamoDb() {
        return new ResponseTransformerV2() {
            @Override
            public Response transform(Response response, ServeEvent event) {
                String target = event.getRequest().getHeader("X-Amz-Target");
                boolean write = target != null && (target.endsWith("PutItem") || target.endsWith("UpdateItem"));
                int roll = random.get().nextInt(100);
                if (write && response.getStatus() == 200 && roll < percent) {
                    cutAfterWrite.increment();
                    return Response.response().fault(roll % 2 == 0 ? Fault.CONNECTION_RESET_BY_PEER
                            : Fault.EMPTY_RESPONSE).build();
                }
                if (write && response.getStatus() == 200 && roll < 2 * percent) {
                    failedAfterWrite.increment();
                    return Response.response().status(500)
                            .headers(new HttpHeaders(new HttpHeader("Content-Type", JSON),
                                    new HttpHeader("x-amzn-ErrorType", "InternalServerError")))
                            .body("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                                    + "\"message\":\"Internal server error\"}")
                            .build();
                }
                if (roll >= 90) {
                    delayed.increment();
                    return Response.Builder.like(response).but().incrementInitialDelay(random.get().nextInt(200))
                            .build();
                }
                return response;
            }

            @Override
            public String getName() {
                return "faults-after-dynamodb";
            }
        };
    }

    private static ResponseDefinition error(int status, String type, String message) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", JSON)
                .withHeader("x-amzn-ErrorType", type).withHeader("x-amzn-RequestId", UUID.randomUUID().toString())
                .withBody("{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + type + "\",\"message\":\"" + message
                        + "\"}")
                .build();
    }

    @Override
    public String toString() {
        return "throttled=" + throttled + " failedBefore=" + failedBefore + " cutAfterWrite=" + cutAfterWrite
                + " failedAfterWrite=" + failedAfterWrite + " delayed=" + delayed;
    }
}
