package dev.secondchance.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Tests run on the class path, so the compiled descriptor is read from the build output. */
class ModuleDescriptorTest {

    private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
        Path classes = Path.of(AwsClassifiers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void module_exportsOnlyTheApiPackage() throws Exception {
        ModuleDescriptor module = descriptor();

        assertEquals("dev.secondchance.aws", module.name());
        assertEquals(Set.of("dev.secondchance.aws"),
                module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(module.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        assertTrue(module.opens().isEmpty());
    }

    @Test
    void module_requiresCoreAndNoServiceClient() throws Exception {
        Set<String> requires = descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
                .collect(Collectors.toSet());

        assertTrue(requires.contains("dev.secondchance.core"));
        assertTrue(requires.contains("software.amazon.awssdk.retries.api"));
        assertTrue(requires.stream().noneMatch(name -> name.startsWith("software.amazon.awssdk.services")), requires::toString);
    }

    @Test
    void module_requiresSdkModulesByTheirAutomaticModuleNames() throws Exception {
        Set<String> sdkModules = descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
                .filter(name -> name.startsWith("software.amazon.awssdk")).collect(Collectors.toSet());
        Set<String> declared = new java.util.HashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.endsWith(".jar") && entry.contains("awssdk")) {
                try (JarFile jar = new JarFile(entry)) {
                    String name = jar.getManifest() == null ? null
                            : jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                    if (name != null) {
                        declared.add(name);
                    }
                }
            }
        }

        assertTrue(declared.containsAll(sdkModules), () -> "missing: " + sdkModules + " vs " + declared);
    }
}
