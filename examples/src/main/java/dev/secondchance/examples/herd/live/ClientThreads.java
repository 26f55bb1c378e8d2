package dev.secondchance.examples.herd.live;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The threads the herd's clients run on: one virtual thread per client on JDK 21 and later (found by
 * reflection, as this code is compiled for JDK 17), else one platform thread per client, so that on
 * either JDK every client starts at once and blocks in its own thread.
 */
public final class ClientThreads {

    private final boolean virtual;

    private ClientThreads(boolean virtual) {
        this.virtual = virtual;
    }

    /**
     * @param preferVirtual false to use platform threads even where virtual threads exist
     * @return virtual threads if preferred and this JDK has them, else platform threads
     */
    public static ClientThreads detect(boolean preferVirtual) {
        return new ClientThreads(preferVirtual && virtualThreadsAvailable());
    }

    /** @return true if this JDK has virtual threads */
    public static boolean virtualThreadsAvailable() {
        try {
            Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * @param clients the number of clients, the size of the platform pool
     * @return a new executor with a thread for every client
     */
    public ExecutorService newExecutor(int clients) {
        if (virtual) {
            try {
                return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
            } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("virtual threads were detected but cannot be created", e);
            }
        }
        return Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "herd-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return true if clients run on virtual threads */
    public boolean isVirtual() {
        return virtual;
    }

    /** @return which threads, and the JDK, for the report */
    public String describe() {
        return (virtual ? "virtual threads" : "platform threads (one per client; virtual threads need JDK 21+)")
                + " on JDK " + Runtime.version().feature();
    }
}
