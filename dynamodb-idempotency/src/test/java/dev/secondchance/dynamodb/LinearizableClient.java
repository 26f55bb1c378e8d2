package dev.secondchance.dynamodb;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Runs every request to DynamoDB Local on one thread, in arrival order, so that it behaves as DynamoDB
 * does: each item linearizable. DynamoDB Local 2.6.1 is not when called from many threads: with 16
 * threads racing the store's conditional {@code PutItem} on new items it let two of them succeed on about
 * one key in 50 to 300 in our runs (docs/idempotency.md, "Testing"). The requests are not changed, only
 * queued; callers still run concurrently.
 */
final class LinearizableClient implements InvocationHandler {

    private final DynamoDbClient delegate;
    private final ExecutorService server = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "dynamodb-local-requests");
        thread.setDaemon(true);
        return thread;
    });

    private LinearizableClient(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    static DynamoDbClient wrap(DynamoDbClient delegate) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, new LinearizableClient(delegate));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.isDefault() && args != null && args.length == 1 && args[0] instanceof Consumer) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        try {
            return server.submit(() -> method.invoke(delegate, args)).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof InvocationTargetException target ? target.getCause() : cause;
        }
    }
}
