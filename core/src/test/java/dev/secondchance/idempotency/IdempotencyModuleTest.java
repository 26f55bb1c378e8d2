package dev.secondchance.idempotency;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IdempotencyModuleTest {

    @Test
    void moduleInfo_whenCompiled_exportsTheIdempotencyApiButNotItsInternals() throws Exception {
        Path classes = Path.of(IdempotentExecutor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> exported;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            exported = ModuleDescriptor.read(in).exports().stream().map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toSet());
        }

        assertTrue(exported.contains("dev.secondchance.idempotency"), exported.toString());
        assertFalse(exported.contains("dev.secondchance.idempotency.internal"), exported.toString());
    }
}
