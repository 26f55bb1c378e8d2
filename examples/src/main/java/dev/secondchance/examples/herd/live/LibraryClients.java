package dev.secondchance.examples.herd.live;

import dev.secondchance.micrometer.SecondChanceMicrometer;
import dev.secondchance.retry.RandomSource;
import dev.secondchance.retry.RetryPolicy;
import dev.secondchance.retry.RetryPolicyBuilder;
import dev.secondchance.retry.http.RetryingHttpClient;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.function.UnaryOperator;

/**
 * The library's rows: each process builds its own policy (so its own budget, rate limiter and seeded random
 * source, whatever {@code configure} creates) around the process's HTTP client, with the attempt limit raised
 * and the time bound as its deadline, bound to the row's Micrometer registry under {@code policy=herd-<process>}
 * and the row's tags: the report reads how calls ended, attempts and retries from there ({@link RegistryCounts}).
 */
final class LibraryClients {

    private LibraryClients() {}

    /**
     * @param configure sets the strategy on a fresh builder; called once per process
     * @return the factory
     */
    static LiveStrategy.ProcessFactory of(UnaryOperator<RetryPolicyBuilder> configure) {
        return process -> {
            RetryPolicy plain = configure.apply(RetryPolicy.builder()
                            .name("herd-" + process.index())
                            .maxAttempts(Integer.MAX_VALUE)
                            .deadline(process.timeLimit())
                            .random(RandomSource.seeded(process.seed())))
                    .build();
            RetryPolicy policy = SecondChanceMicrometer.bind(plain, process.meters(), plain.name(), process.tags());
            RetryingHttpClient client = RetryingHttpClient.of(process.http(), policy);
            return request -> client.send(request, BodyHandlers.discarding());
        };
    }
}
