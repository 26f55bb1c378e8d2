package dev.secondchance.aws.internal;

import dev.secondchance.aws.AwsClassifiers;
import dev.secondchance.internal.Causes;
import dev.secondchance.internal.TypeNames;
import dev.secondchance.retry.Classifiers;
import dev.secondchance.retry.RetryClassifier;
import dev.secondchance.retry.ServerHints;
import dev.secondchance.retry.Verdict;
import java.io.IOException;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.NonRetryableException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Classifies SDK failures by error code first, then HTTP status; never by the {@code retryable()} flag alone.
 * Abstains on anything that is not an {@link SdkException} (after stripping async wrappers) and on every result.
 */
public enum AwsErrorClassifier implements RetryClassifier {
    INSTANCE;

    @Override
    public boolean classifiesResults() {
        return false;
    }

    @Override
    public Verdict classifyFailure(Throwable failure) {
        return classify(failure, false);
    }

    /**
     * Like {@link #classifyFailure}, but a {@link Verdict.Kind#RETRY} verdict comes back as
     * {@link Verdict.Kind#THROTTLED}, with the same reason and server hints: the SDK builder's
     * {@code treatAsThrottling}.
     *
     * @param failure the failure
     * @return the verdict
     */
    Verdict classifyAsThrottling(Throwable failure) {
        return classify(failure, true);
    }

    private static Verdict classify(Throwable failure, boolean asThrottling) {
        Throwable unwrapped = Causes.unwrapAsync(failure);
        if (unwrapped instanceof SdkServiceException service) {
            return ServerHints.apply(promote(classifyService(service), asThrottling), header(service));
        }
        if (unwrapped instanceof SdkClientException client) {
            return promote(classifyClient(client), asThrottling);
        }
        return Verdict.abstain();
    }

    private static Verdict promote(Verdict verdict, boolean asThrottling) {
        return asThrottling && verdict.kind() == Verdict.Kind.RETRY ? Verdict.throttled(verdict.reason()) : verdict;
    }

    private static Verdict classifyService(SdkServiceException failure) {
        String code = errorCode(failure);
        int status = failure.statusCode();
        if (code != null) {
            Verdict byCode = classifyCode(code, failure);
            if (byCode != null) {
                return byCode;
            }
        }
        Verdict byStatus;
        if (status >= 400) {
            byStatus = Classifiers.httpStatus(status, Classifiers.DEFAULT_RETRYABLE_STATUSES);
        } else if (failure.isThrottlingException()) {
            byStatus = Verdict.throttled("HTTP " + status);
        } else {
            // No usable status (0, or an error inside a 200 body): only here does the SDK's own flag decide.
            byStatus = failure.retryable() ? Verdict.retry("HTTP " + status) : Verdict.fail("HTTP " + status);
        }
        return code == null ? byStatus : withReason(byStatus, code + " (HTTP " + status + ")");
    }

    /** Returns the verdict the error code alone decides, or null if the status should decide. */
    private static Verdict classifyCode(String code, SdkServiceException failure) {
        if (AwsClassifiers.THROTTLING_ERROR_CODES.contains(code)) {
            return Verdict.throttled(code);
        }
        if (AwsClassifiers.TRANSIENT_ERROR_CODES.contains(code)) {
            return Verdict.retry(code);
        }
        if (AwsClassifiers.CLOCK_SKEW_ERROR_CODES.contains(code)) {
            return Verdict.retry("clock skew: " + code);
        }
        if (AwsClassifiers.POSSIBLE_CLOCK_SKEW_ERROR_CODES.contains(code)) {
            // A signature failure is clock skew only if the server's Date is far from ours; the SDK then corrects
            // its clock offset and a retry can pass. Otherwise the credentials are wrong and a retry cannot help.
            return failure.isClockSkewException() ? Verdict.retry("clock skew: " + code) : Verdict.fail(code);
        }
        return null;
    }

    private static Verdict classifyClient(SdkClientException failure) {
        String name = TypeNames.simple(failure.getClass());
        if (failure instanceof NonRetryableException) {
            return Verdict.fail(name);
        }
        if (failure instanceof ApiCallAttemptTimeoutException) {
            return Verdict.retry(name);
        }
        if (failure instanceof ApiCallTimeoutException) {
            // The whole call's time is spent; in the wrapping style use apiCallAttemptTimeout per attempt instead.
            return Verdict.fail(name);
        }
        IOException io = Causes.findCause(failure, IOException.class);
        if (io != null) {
            Verdict byIo = Classifiers.transientIo().classifyFailure(io);
            if (byIo.kind() != Verdict.Kind.ABSTAIN) {
                return byIo;
            }
        }
        // RetryableException and Crc32MismatchException say so through the flag.
        return failure.retryable() ? Verdict.retry(name) : Verdict.fail(name);
    }

    private static String errorCode(SdkServiceException failure) {
        if (failure instanceof AwsServiceException aws) {
            AwsErrorDetails details = aws.awsErrorDetails();
            if (details != null && details.errorCode() != null && !details.errorCode().isBlank()) {
                return details.errorCode();
            }
        }
        return null;
    }

    private static UnaryOperator<String> header(SdkServiceException failure) {
        SdkHttpResponse response = failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? aws.awsErrorDetails().sdkHttpResponse()
                : null;
        return name -> response == null ? null : response.firstMatchingHeader(name).orElse(null);
    }

    private static Verdict withReason(Verdict verdict, String reason) {
        return switch (verdict.kind()) {
            case RETRY -> Verdict.retry(reason);
            case THROTTLED -> Verdict.throttled(reason);
            case FAIL -> Verdict.fail(reason);
            default -> verdict;
        };
    }
}
