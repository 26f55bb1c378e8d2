package dev.secondchance.examples.herd.live;

import java.util.Objects;
import java.util.Set;

/**
 * A retry strategy under test in the live herd: how each process builds its retrying client, and in which
 * modes it runs. The herd raises every strategy's attempt limit and bounds it by the time limit instead, so
 * giving up measures the strategy, not the limit.
 *
 * @param name the name for tables and the CSV (no commas)
 * @param description what it is, for the report
 * @param role what the row stands for in the targets
 * @param processes builds one process's client
 * @param modes the modes it runs in
 */
public record LiveStrategy(String name, String description, Role role, ProcessFactory processes,
        Set<LiveMode> modes) {

    /** What a row stands for. */
    public enum Role {
        /** A contrast that no one should use: no backoff, no jitter, exact hint-honouring. */
        CONTRAST,
        /** A library setting. */
        LIBRARY,
        /** The library's policy with no settings. */
        LIBRARY_DEFAULT,
        /** A peer's strategy, set up beyond its defaults. */
        PEER,
        /** A peer's strategy with its defaults. */
        PEER_DEFAULT;

        /** @return true for the library's rows */
        public boolean library() {
            return this == LIBRARY || this == LIBRARY_DEFAULT;
        }
    }

    /** Builds one process's client. */
    @FunctionalInterface
    public interface ProcessFactory {
        /**
         * @param process what the process gets: its HTTP client, seed, time bound and the herd's counts
         * @return the process's retrying client
         */
        HerdClient create(ProcessContext process);
    }

    /** Checks the fields. */
    public LiveStrategy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(processes, "processes");
        modes = Set.copyOf(modes);
        if (name.contains(",")) {
            throw new IllegalArgumentException("name must not contain a comma: " + name);
        }
    }
}
