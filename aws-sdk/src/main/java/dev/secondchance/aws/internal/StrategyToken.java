package dev.secondchance.aws.internal;

import java.time.Duration;
import software.amazon.awssdk.retries.api.RetryToken;

/**
 * The state of one SDK call, carried by the SDK between the strategy's methods: immutable; a retry gets a new
 * token.
 *
 * @param scope the SDK's scope ({@code "GLOBAL"} today)
 * @param startNanos the ticker reading when the call started
 * @param attempt the number of the attempt in flight, from 1
 * @param previousDelay the delay before that attempt, {@link Duration#ZERO} for the first
 */
record StrategyToken(String scope, long startNanos, int attempt, Duration previousDelay) implements RetryToken {

    /** The token of the next attempt, which starts after {@code delay}. */
    StrategyToken next(Duration delay) {
        return new StrategyToken(scope, startNanos, attempt + 1, delay);
    }

    /** Casts a token the SDK hands back. */
    static StrategyToken of(RetryToken token) {
        if (token instanceof StrategyToken ours) {
            return ours;
        }
        throw new IllegalArgumentException("token was not issued by a SecondChanceRetryStrategy: " + token);
    }
}
