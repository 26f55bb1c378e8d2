package dev.secondchance.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tests run on the class path, so the compiled descriptor is read from the build output. */
class ModuleDescriptorTest {

    private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
        Path classes = Path.of(SecondChanceOpenTelemetry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void module_exportsOnlyTheApiPackage() throws Exception {
        ModuleDescriptor module = descriptor();

        assertEquals("dev.secondchance.opentelemetry", module.name());
        assertEquals(Set.of("dev.secondchance.opentelemetry"),
                module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(module.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(module.opens().isEmpty());
    }

    @Test
    void module_requiresCoreAndItsLibraryOnly() throws Exception {
        Set<String> external = descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
                .filter(name -> !name.startsWith("java."))
                .collect(Collectors.toSet());

        assertEquals(Set.of("dev.secondchance.core", "io.opentelemetry.api"), external);
    }
}
