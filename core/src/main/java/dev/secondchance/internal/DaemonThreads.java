package dev.secondchance.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the library's own background threads: daemons, so that a timer or a renewal pool never keeps a JVM
 * alive, named {@code <prefix>-1}, {@code <prefix>-2}... so that a thread dump says whose they are.
 * Thread-safe.
 */
public final class DaemonThreads implements ThreadFactory {

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    private DaemonThreads(String prefix) {
        this.prefix = prefix;
    }

    /**
     * @param prefix the start of each thread's name
     * @return a factory of daemon threads named {@code prefix-n}, n counting from 1
     * @throws NullPointerException if {@code prefix} is null
     */
    public static ThreadFactory named(String prefix) {
        return new DaemonThreads(Checks.notNull(prefix, "prefix"));
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
