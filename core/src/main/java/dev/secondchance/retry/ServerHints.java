package dev.secondchance.retry;

import dev.secondchance.internal.Checks;
import dev.secondchance.internal.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Reads the servers' "retry no earlier than" headers into a {@link Verdict}: {@code Retry-After}
 * (delta-seconds or an HTTP-date, RFC 9110 §10.2.3) and {@code x-amz-retry-after} (milliseconds).
 *
 * <p>Unparseable or negative values are ignored. If both headers are present the verdict keeps both and
 * the later time wins, so a retry never leaves earlier than either asked. Stateless and thread-safe.
 */
public final class ServerHints {

    /** The standard header name. */
    public static final String RETRY_AFTER = "Retry-After";

    /** The AWS header name; its value is in milliseconds. */
    public static final String AMZ_RETRY_AFTER = "x-amz-retry-after";

    private static final List<DateTimeFormatter> HTTP_DATE_FORMATS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                    .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.US).withZone(ZoneOffset.UTC),
            new DateTimeFormatterBuilder().parseLenient().appendPattern("EEE MMM ppd HH:mm:ss yyyy")
                    .toFormatter(Locale.US).withZone(ZoneOffset.UTC));

    private ServerHints() {}

    /**
     * Adds the server's hint, if any, to a retry verdict.
     *
     * @param verdict the verdict; returned unchanged unless it is a retry verdict and a hint is present
     * @param header looks a header up by name (case-insensitively), returning null when absent
     * @return the verdict with the hint
     * @throws NullPointerException if an argument is null
     */
    public static Verdict apply(Verdict verdict, UnaryOperator<String> header) {
        Checks.notNull(verdict, "verdict");
        Checks.notNull(header, "header");
        if (!verdict.isRetry()) {
            return verdict;
        }
        Verdict hinted = verdict;
        Duration millis = parseMillis(header.apply(AMZ_RETRY_AFTER));
        if (millis != null) {
            hinted = hinted.withRetryAfter(millis);
        }
        String retryAfter = header.apply(RETRY_AFTER);
        Duration seconds = parseDeltaSeconds(retryAfter);
        if (seconds != null) {
            hinted = hinted.withRetryAfter(millis == null ? seconds : Durations.longer(seconds, millis));
        } else {
            Instant date = parseHttpDate(retryAfter);
            if (date != null) {
                hinted = hinted.withRetryAt(date);
            }
        }
        return hinted;
    }

    /**
     * Parses {@code Retry-After} delta-seconds.
     *
     * @param value the header value, may be null
     * @return the delay, or null if the value is not a non-negative integer
     */
    public static Duration parseDeltaSeconds(String value) {
        if (value == null) {
            return null;
        }
        // trim() drops every char <= U+0020, control characters included, which isBlank() keeps: a value of
        // control characters only must stay "no hint", not become an empty number read as "too large".
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Duration.ofSeconds(Long.parseLong(trimmed));
        } catch (NumberFormatException tooLarge) {
            return Duration.ofSeconds(Long.MAX_VALUE);
        }
    }

    /**
     * Parses {@code Retry-After} as an HTTP-date: the IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT})
     * and, as RFC 9110 §5.6.7 asks of recipients, the obsolete RFC 850
     * ({@code Sunday, 06-Nov-94 08:49:37 GMT}, two-digit years read as 1970–2069) and asctime
     * ({@code Sun Nov  6 08:49:37 1994}) forms.
     *
     * @param value the header value, may be null
     * @return the instant, or null if the value is not an HTTP-date
     */
    public static Instant parseHttpDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        for (DateTimeFormatter format : HTTP_DATE_FORMATS) {
            try {
                return format.parse(trimmed, Instant::from);
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return null;
    }

    /**
     * Parses {@code x-amz-retry-after} milliseconds.
     *
     * @param value the header value, may be null
     * @return the delay, or null if the value is not a non-negative integer
     */
    public static Duration parseMillis(String value) {
        Duration asSeconds = parseDeltaSeconds(value);
        if (asSeconds == null) {
            return null;
        }
        return Duration.ofMillis(asSeconds.getSeconds()); // saturated input stays Long.MAX_VALUE ms
    }
}
