package dev.secondchance.idempotency.dynamodb.internal;

import static dev.secondchance.idempotency.dynamodb.internal.Items.n;
import static dev.secondchance.idempotency.dynamodb.internal.Items.s;

import dev.secondchance.idempotency.dynamodb.IdempotencyTable;
import dev.secondchance.idempotency.spi.ClaimRequest;
import dev.secondchance.idempotency.spi.Completion;
import dev.secondchance.idempotency.spi.RecordStatus;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The condition of the claim's {@code PutItem}: {@link dev.secondchance.idempotency.spi.IdempotencyRecord#isClaimableBy}
 * written as a DynamoDB condition expression, plus the version guard that keeps versions increasing.
 */
final class ClaimWrite {

    private static final String BASE = "attribute_not_exists(#id) OR (#ver < :ver"
            + " AND NOT (#st = :inProgress AND #lease > :nowMs)"
            + " AND (#exp <= :nowSec OR #st = :released";
    private static final String TAKEOVER = " OR (#fp = :fp AND (#st = :inProgress OR #outcome = :unknown))";

    private final ClaimRequest request;
    private final long nowMillis;

    ClaimWrite(ClaimRequest request, long nowMillis) {
        this.request = request;
        this.nowMillis = nowMillis;
    }

    String condition() {
        return BASE + (request.takeover() ? TAKEOVER : "") + "))";
    }

    Map<String, String> names() {
        Map<String, String> names = new HashMap<>();
        names.put("#id", IdempotencyTable.ID);
        names.put("#ver", IdempotencyTable.VERSION);
        names.put("#st", IdempotencyTable.STATUS);
        names.put("#lease", IdempotencyTable.LEASE_EXPIRY);
        names.put("#exp", IdempotencyTable.EXPIRATION);
        if (request.takeover()) {
            names.put("#fp", IdempotencyTable.FINGERPRINT);
            names.put("#outcome", IdempotencyTable.OUTCOME);
        }
        return names;
    }

    Map<String, AttributeValue> values(long version) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":ver", n(version));
        values.put(":inProgress", s(RecordStatus.IN_PROGRESS.name()));
        values.put(":nowMs", n(nowMillis));
        values.put(":nowSec", n(Math.floorDiv(nowMillis, 1000L)));
        values.put(":released", s(RecordStatus.RELEASED.name()));
        if (request.takeover()) {
            values.put(":fp", s(request.fingerprint()));
            values.put(":unknown", s(Completion.Kind.OUTCOME_UNKNOWN.name()));
        }
        return values;
    }
}
