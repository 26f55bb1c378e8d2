package dev.secondchance.examples.sdk;

/** Where the library retries an SDK call: around it, or inside the client. */
public enum RetryStyle {

    /** {@code retry.call(() -> dynamo.putItem(...))} around a client whose own retries are off. */
    WRAPPED("wrapped", "retry.call(() -> dynamo.putItem(...)), the client's own retries off"),

    /** {@code SecondChanceRetryStrategy.from(policy)} as the client's {@code RetryStrategy}. */
    STRATEGY("strategy",
            "dynamo.putItem(...) on a client whose RetryStrategy is SecondChanceRetryStrategy.from(policy)");

    private final String label;
    private final String description;

    RetryStyle(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** @return a short name for tables */
    public String label() {
        return label;
    }

    /** @return what the style does, in one line */
    public String description() {
        return description;
    }
}
