package dev.secondchance.retry.internal;

import dev.secondchance.internal.Checks;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.ServerHints;
import dev.secondchance.retry.Verdict;
import java.net.http.HttpResponse;
import java.util.Set;

/** Reads chosen {@link HttpResponse} statuses as throttling, with their server hints; abstains otherwise. */
public final class HttpThrottlingClassifier implements RetryClassifier {

    private final Set<Integer> statuses;

    public HttpThrottlingClassifier(Set<Integer> statuses) {
        this.statuses = Set.copyOf(Checks.notNull(statuses, "statuses"));
        if (this.statuses.isEmpty()) {
            throw new IllegalArgumentException("statuses must name at least one status, such as 503");
        }
    }

    @Override
    public Verdict classifyResult(Object result) {
        if (!(result instanceof HttpResponse<?> response) || !statuses.contains(response.statusCode())) {
            return Verdict.abstain();
        }
        return ServerHints.apply(Verdict.throttled("HTTP " + response.statusCode()),
                name -> response.headers().firstValue(name).orElse(null));
    }

    @Override
    public String toString() {
        return "Classifiers.httpThrottling(" + statuses + ")";
    }
}
