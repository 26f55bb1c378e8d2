package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleDescriptorTest {

    private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
        Path classes = Path.of(RetryPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void moduleInfo_whenCompiled_exportsOnlyTheApiPackagesToEveryone() throws Exception {
        Set<String> exported = descriptor().exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());

        assertEquals(Set.of("dev.secondchance.retry", "dev.secondchance.retry.http", "dev.secondchance.idempotency",
                "dev.secondchance.idempotency.spi"), exported);
    }

    @Test
    void moduleInfo_whenCompiled_exportsTheToolkitOnlyToOurOwnModules() throws Exception {
        Set<String> qualified = descriptor().exports().stream()
                .filter(ModuleDescriptor.Exports::isQualified)
                .map(export -> export.source() + " to " + new java.util.TreeSet<>(export.targets()))
                .collect(Collectors.toSet());

        assertEquals(Set.of("dev.secondchance.internal to [dev.secondchance.aws, dev.secondchance.idempotency.dynamodb, "
                + "dev.secondchance.micrometer, dev.secondchance.opentelemetry]"), qualified);
    }

    @Test
    void moduleInfo_whenCompiled_requiresNothingButTheJdkAndSlf4j() throws Exception {
        Set<String> external = descriptor().requires().stream()
                .map(ModuleDescriptor.Requires::name)
                .filter(name -> !name.startsWith("java.") && !name.startsWith("jdk."))
                .collect(Collectors.toSet());

        assertEquals(Set.of("org.slf4j"), external);
    }
}
