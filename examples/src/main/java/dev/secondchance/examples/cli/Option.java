package dev.secondchance.examples.cli;

import java.util.Objects;

/**
 * One command-line option of an example: {@code --name value}, or a flag {@code --name} when it takes no
 * value.
 *
 * @param name the name without the leading dashes
 * @param valueName what the value is, shown in the help (for example {@code DIR}); null for a flag
 * @param defaultValue the value when the option is absent; null for a flag or when there is none
 * @param description one line for the help
 */
public record Option(String name, String valueName, String defaultValue, String description) {

    /** Checks the fields. */
    public Option {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    /**
     * An option that takes a value.
     *
     * @param name the name without dashes
     * @param valueName what the value is, for the help
     * @param defaultValue the default, shown in the help
     * @param description one line for the help
     * @return the option
     */
    public static Option value(String name, String valueName, String defaultValue, String description) {
        return new Option(name, Objects.requireNonNull(valueName, "valueName"), defaultValue, description);
    }

    /**
     * An option without a value, false when absent.
     *
     * @param name the name without dashes
     * @param description one line for the help
     * @return the flag
     */
    public static Option flag(String name, String description) {
        return new Option(name, null, null, description);
    }

    /** @return true if this option takes no value */
    public boolean isFlag() {
        return valueName == null;
    }
}
