package dev.secondchance.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tests run on the class path, so the compiled descriptor is read from the build output. */
class ModuleDescriptorTest {

    private static ModuleDescriptor descriptor() throws Exception {
        Path classes = Path.of(IdempotencyFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void module_exportsOnlyTheApiPackage() throws Exception {
        ModuleDescriptor module = descriptor();

        assertEquals("dev.secondchance.servlet", module.name());
        assertEquals(Set.of("dev.secondchance.servlet"),
                module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(module.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(module.opens().isEmpty());
    }

    @Test
    void module_needsJacksonOnlyWhenPresent() throws Exception {
        Map<String, Requires> requires = descriptor().requires().stream()
                .collect(Collectors.toMap(Requires::name, Function.identity()));

        assertTrue(requires.get("com.fasterxml.jackson.databind").modifiers().contains(Requires.Modifier.STATIC));
        assertTrue(requires.get("jakarta.servlet").modifiers().contains(Requires.Modifier.TRANSITIVE));
        assertTrue(requires.get("dev.secondchance.core").modifiers().contains(Requires.Modifier.TRANSITIVE));
    }
}
