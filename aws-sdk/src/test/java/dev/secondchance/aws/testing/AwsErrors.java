package dev.secondchance.aws.testing;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;

/** SDK exceptions shaped as the SDK's unmarshallers build them. */
public final class AwsErrors {

    private AwsErrors() {}

    /**
     * An AWS service error.
     *
     * @param status the HTTP status
     * @param code the AWS error code, or null for none
     * @param headers name, value, name, value, ... of the error response
     */
    public static AwsServiceException service(int status, String code, String... headers) {
        return serviceBuilder(status, code, headers).build();
    }

    /** Like {@link #service}, left open for more settings. */
    public static AwsServiceException.Builder serviceBuilder(int status, String code, String... headers) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(status);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            response.putHeader(headers[i], headers[i + 1]);
        }
        return AwsServiceException.builder()
                .message("test error " + code)
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("test error")
                        .serviceName("DynamoDb")
                        .sdkHttpResponse(response.build())
                        .build());
    }

    /** What the SDK throws when the HTTP client fails with {@code cause}. */
    public static SdkClientException io(IOException cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage())
                .cause(cause).build();
    }
}
