package dev.secondchance.testing.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/** Starting, sharing and stopping the child process, and what it says when it cannot start. */
class DynaliteTest {

    @Test
    void shared_whenAskedTwiceAndClosed_staysOneRunningServerOnLoopback() {
        Dynalite shared = Dynalite.shared();

        shared.close();

        assertSame(shared, Dynalite.shared());
        assertTrue(shared.isRunning());
        assertEquals("127.0.0.1", shared.endpoint().getHost());
    }

    @Test
    void start_whenClosed_stopsTheProcessAndRefusesConnections() {
        Dynalite own = Dynalite.start();
        try (DynamoDbClient client = own.client()) {
            client.listTables();

            own.close();

            assertFalse(own.isRunning());
            assertThrows(SdkClientException.class, client::listTables);
        }
    }

    @Test
    void createTable_whenCreated_isActiveAtOnceSoWaitersDoNotSleep() {
        try (DynamoDbClient client = Dynalite.shared().client();
                DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client).build()) {
            String table = Tables.create(client, "active");
            long started = System.nanoTime();

            waiter.waitUntilTableExists(b -> b.tableName(table));

            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0);
            assertEquals(TableStatus.ACTIVE, client.describeTable(b -> b.tableName(table)).table().tableStatus());
        }
    }

    @Test
    void requireInstalled_whenNodeModulesMissing_saysHowToInstall(@TempDir Path empty) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> LauncherDirectory.requireInstalled(empty));

        assertTrue(e.getMessage().contains("npm ci"), e.getMessage());
    }

    @Test
    void find_whenRunFromThisModule_findsTheLauncherAndNodeModules() {
        Path directory = LauncherDirectory.find();

        assertEquals(LauncherDirectory.MODULE, directory.getFileName().toString());
        LauncherDirectory.requireInstalled(directory);
    }
}
