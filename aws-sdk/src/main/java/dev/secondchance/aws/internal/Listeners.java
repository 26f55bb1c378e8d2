package dev.secondchance.aws.internal;

import dev.secondchance.retry.RetryListener;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls listeners; one that throws is logged and skipped, as in core. */
final class Listeners {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private Listeners() {}

    static void notify(String name, List<RetryListener> listeners, Consumer<RetryListener> event) {
        for (RetryListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("{}: listener {} threw; ignored", name, listener, e);
            }
        }
    }
}
