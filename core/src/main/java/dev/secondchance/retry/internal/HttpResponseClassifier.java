package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.retry.Classifiers;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.ServerHints;
import dev.secondchance.retry.Verdict;
import java.net.http.HttpResponse;
import java.util.Set;

/** Classifies {@link HttpResponse} results by status and reads their server hints. */
public final class HttpResponseClassifier implements RetryClassifier {

    private final Set<Integer> retryableStatuses;

    public HttpResponseClassifier(Set<Integer> retryableStatuses) {
        this.retryableStatuses = Set.copyOf(Checks.notNull(retryableStatuses, "retryableStatuses"));
    }

    @Override
    public Verdict classifyResult(Object result) {
        if (!(result instanceof HttpResponse<?> response)) {
            return Verdict.abstain();
        }
        Verdict verdict = Classifiers.httpStatus(response.statusCode(), retryableStatuses);
        return ServerHints.apply(verdict, name -> response.headers().firstValue(name).orElse(null));
    }
}
