package dev.secondchance.examples.herd.live;

import dev.secondchance.retry.Outcome;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryListener;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.http.RetryingHttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.function.UnaryOperator;

/**
 * The library's rows: each process builds its own policy (so its own budget, rate limiter and seeded random
 * source, whatever {@code configure} creates) around the process's HTTP client, with the attempt limit raised
 * and the time bound as its deadline.
 */
final class LibraryClients {

    private LibraryClients() {}

    /**
     * @param configure sets the strategy on a fresh builder; called once per process
     * @return the factory
     */
    static LiveStrategy.ProcessFactory of(UnaryOperator<RetryPolicyBuilder> configure) {
        return process -> {
            RetryPolicy policy = configure.apply(RetryPolicy.builder()
                            .name("herd-" + process.index())
                            .maxAttempts(Integer.MAX_VALUE)
                            .deadline(process.timeLimit())
                            .random(RandomSource.seeded(process.seed())))
                    .listener(new RetryListener() {
                        @Override
                        public void onEnd(Outcome<?> outcome) {
                            process.counts().endReason(outcome.endReason().name());
                        }
                    })
                    .build();
            RetryingHttpClient client = RetryingHttpClient.of(process.http(), policy);
            return request -> client.send(request, BodyHandlers.discarding());
        };
    }
}
