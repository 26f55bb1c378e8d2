package dev.secondchance.idempotency.internal;

import dev.secondchance.internal.DaemonThreads;
import dev.secondchance.retry.Scheduler;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The default scheduler of lease renewals and of the store calls of asynchronous executions: one daemon timer
 * thread that only fires, and a pool of daemon threads that run those blocking store calls and nothing else, so
 * that they never queue behind the application's work in the common pool.
 */
public final class LeaseRenewals {

    private LeaseRenewals() {}

    /** @return the shared scheduler, started on first use */
    public static Scheduler scheduler() {
        return Shared.SCHEDULER;
    }

    private static final class Shared {
        static final Scheduler SCHEDULER = create();

        private static Scheduler create() {
            ScheduledThreadPoolExecutor timer =
                    new ScheduledThreadPoolExecutor(1, DaemonThreads.named("secondchance-lease-timer"));
            timer.setRemoveOnCancelPolicy(true);
            ExecutorService renewals =
                    Executors.newCachedThreadPool(DaemonThreads.named("secondchance-lease-renewal"));
            return Scheduler.of(timer, renewals);
        }
    }
}
