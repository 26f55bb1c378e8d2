package dev.secondchance.aws;

import static dev.secondchance.aws.testing.AwsErrors.service;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.secondchance.retry.RetryClassifier;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Seeded generative tests of the AWS classifiers' cause walks (issue 15, item 3): SDK client and service
 * exceptions whose causes loop back to them ({@code io.initCause(sdk)} after {@code sdk} was built with {@code io}
 * as its cause), wrapped or not in async wrappers, and chains 10,000 deep. Every classification ends, within
 * seconds, with a verdict. Each repetition prints its seed; rerun one with {@code -Dsc.seed=<seed>}.
 */
class AwsCauseGraphsGenerativeTest {

    private static final long BASE_SEED = 0xA5_CA05EL;

    private static Throwable graph(Random random, Throwable[] deepChains) {
        switch (random.nextInt(4)) {
            case 0: { // sdk -> io -> sdk
                IOException io = random.nextBoolean() ? new ConnectException("refused") : new SocketTimeoutException("t");
                SdkClientException sdk = SdkClientException.builder().message("unable to execute").cause(io).build();
                io.initCause(sdk);
                return random.nextBoolean() ? sdk : new CompletionException(sdk);
            }
            case 1: { // completion -> io -> ... -> completion
                CompletionException outer = new CompletionException("outer") {
                    private static final long serialVersionUID = 1L;
                };
                outer.initCause(new CompletionException(outer));
                return outer;
            }
            case 2: { // a service error whose cause loops back to it
                IOException io = new IOException("reset");
                Throwable serviceError = service(500 + random.nextInt(4), random.nextBoolean() ? "InternalError"
                        : "ThrottlingException").toBuilder().cause(io).build();
                io.initCause(serviceError);
                return serviceError;
            }
            default:
                return deepChains[random.nextInt(deepChains.length)];
        }
    }

    /**
     * Two chains 10,000 deep (built once per repetition: 10,000 stack traces each): async wrappers around a service
     * error, and a client error above plain wrappers ending in an I/O failure.
     */
    private static Throwable[] deepChains() {
        Throwable wrapped = service(503, "ServiceUnavailable");
        for (int i = 0; i < 10_000; i++) {
            wrapped = new CompletionException("wrap " + i, wrapped);
        }
        Throwable chain = new ConnectException("bottom");
        for (int i = 0; i < 10_000; i++) {
            chain = new RuntimeException("wrap " + i, chain);
        }
        return new Throwable[] {wrapped, SdkClientException.builder().message("deep").cause(chain).build()};
    }

    @RepeatedTest(5)
    void classifiers_whenCausesCycleOrAre10000Deep_endWithAVerdict(RepetitionInfo repetition) {
        String fixed = System.getProperty("sc.seed");
        long seed = fixed != null ? Long.parseLong(fixed) : BASE_SEED + repetition.getCurrentRepetition();
        System.out.println(AwsCauseGraphsGenerativeTest.class.getSimpleName() + " seed=" + seed);
        Random random = new Random(seed);
        List<RetryClassifier> classifiers = AwsClassifiers.defaults();
        Throwable[] deepChains = deepChains();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (int i = 0; i < 200; i++) {
                Throwable failure = graph(random, deepChains);
                for (RetryClassifier classifier : classifiers) {
                    assertNotNull(classifier.classifyFailure(failure));
                }
                assertNotNull(AwsClassifiers.sdkErrors().classifyFailure(failure));
            }
        });
    }
}
