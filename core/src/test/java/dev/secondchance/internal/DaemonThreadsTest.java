package dev.secondchance.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void newThread_whenCalled_makesADaemonSoTheLibraryNeverKeepsAJvmAlive() {
        Thread thread = DaemonThreads.named("sc-test").newThread(() -> { });

        assertTrue(thread.isDaemon());
    }

    @Test
    void newThread_whenCalledTwice_namesEachThreadByItsPrefixAndACountFromOne() {
        ThreadFactory factory = DaemonThreads.named("sc-test");

        assertEquals("sc-test-1", factory.newThread(() -> { }).getName());
        assertEquals("sc-test-2", factory.newThread(() -> { }).getName());
    }

    @Test
    void newThread_whenStarted_runsTheTask() throws InterruptedException {
        AtomicBoolean ran = new AtomicBoolean();
        Thread thread = DaemonThreads.named("sc-test").newThread(() -> ran.set(true));

        thread.start();
        thread.join();

        assertTrue(ran.get());
    }

    @Test
    void named_whenPrefixIsNull_throwsNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> DaemonThreads.named(null));

        assertEquals("prefix must not be null", e.getMessage());
    }
}
