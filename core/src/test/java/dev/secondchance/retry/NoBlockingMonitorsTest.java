package dev.secondchance.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Before JDK 24 a virtual thread that blocks inside {@code synchronized} pins its carrier; the library
 * uses {@code java.util.concurrent} locks and atomics instead. This guards the rule.
 */
class NoBlockingMonitorsTest {

    private static final Pattern SYNCHRONIZED = Pattern.compile("\\bsynchronized\\b");

    @Test
    void mainSources_whenScanned_containNoSynchronized() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> offenders = files.filter(path -> path.toString().endsWith(".java"))
                    .filter(NoBlockingMonitorsTest::usesSynchronized)
                    .map(Path::toString)
                    .collect(Collectors.toList());

            assertEquals(List.of(), offenders);
        }
    }

    private static boolean usesSynchronized(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::trim)
                    .filter(line -> !line.startsWith("*") && !line.startsWith("//") && !line.startsWith("/*"))
                    .anyMatch(line -> SYNCHRONIZED.matcher(line).find());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
