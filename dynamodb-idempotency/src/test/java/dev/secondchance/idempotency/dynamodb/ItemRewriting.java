package dev.secondchance.idempotency.dynamodb;

import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Changes the items that come back from DynamoDB, after the SDK parsed them: the item of a failed conditional
 * write ({@code ALL_OLD}) and the item of a {@code GetItem}. Stands for a backend that misbehaves (hands back
 * another key's item, as DynamoDB Local 2.6.1 did under concurrency) or lacks a feature (returns no item on
 * a failed condition, as dynalite does without our launcher).
 */
final class ItemRewriting implements ExecutionInterceptor {

    private final UnaryOperator<Map<String, AttributeValue>> onConditionFailure;
    private final UnaryOperator<Map<String, AttributeValue>> onGetItem;

    private ItemRewriting(UnaryOperator<Map<String, AttributeValue>> onConditionFailure,
            UnaryOperator<Map<String, AttributeValue>> onGetItem) {
        this.onConditionFailure = onConditionFailure;
        this.onGetItem = onGetItem;
    }

    /** A backend that returns no item with a failed condition, whatever the request asked for. */
    static ItemRewriting dropItemOnConditionFailure() {
        return new ItemRewriting(item -> null, UnaryOperator.identity());
    }

    /** A backend that answers every item-bearing reply with {@code foreign} instead. */
    static ItemRewriting replaceItemsWith(Map<String, AttributeValue> foreign) {
        return new ItemRewriting(item -> foreign, item -> foreign);
    }

    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (!(context.exception() instanceof ConditionalCheckFailedException failed)) {
            return context.exception();
        }
        Map<String, AttributeValue> item = failed.hasItem() ? onConditionFailure.apply(failed.item()) : null;
        return ConditionalCheckFailedException.builder().message(failed.getMessage())
                .awsErrorDetails(failed.awsErrorDetails()).statusCode(failed.statusCode()).item(item).build();
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (context.response() instanceof GetItemResponse get && get.hasItem()) {
            return get.toBuilder().item(onGetItem.apply(get.item())).build();
        }
        return context.response();
    }
}
