package dev.secondchance.testing.dynamodb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the test-dynamodb module directory, which holds the launcher and, after {@code npm ci}, dynalite in
 * {@code node_modules}: the system property {@value Dynalite#DIRECTORY_PROPERTY} (surefire sets it in every
 * module), else the first directory from {@code user.dir} upwards that is the module or holds it.
 */
final class LauncherDirectory {

    static final String LAUNCHER = "src/main/node/launcher.js";
    static final String MODULE = "test-dynamodb";

    private LauncherDirectory() {}

    static Path find() {
        List<Path> tried = new ArrayList<>();
        String configured = System.getProperty(Dynalite.DIRECTORY_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path directory = Path.of(configured).toAbsolutePath().normalize();
            if (holdsLauncher(directory)) {
                return directory;
            }
            tried.add(directory);
        }
        for (Path at = Path.of(System.getProperty("user.dir")).toAbsolutePath(); at != null; at = at.getParent()) {
            for (Path candidate : List.of(at, at.resolve(MODULE))) {
                if (holdsLauncher(candidate)) {
                    return candidate;
                }
            }
            tried.add(at.resolve(MODULE));
        }
        throw new IllegalStateException("Cannot find " + LAUNCHER + " (module " + MODULE + "): run from the "
                + "repository or one of its modules, or set -D" + Dynalite.DIRECTORY_PROPERTY + "=<repository>/"
                + MODULE + "; tried " + tried);
    }

    static void requireInstalled(Path directory) {
        if (!Files.isRegularFile(directory.resolve("node_modules/dynalite/package.json"))) {
            throw new IllegalStateException("dynalite is not installed in " + directory.resolve("node_modules")
                    + ": run `mvn -pl " + MODULE + " initialize` in the repository, or `node src/build/npm-ci.js` in "
                    + directory + " (npm ci from the committed package-lock.json)");
        }
    }

    private static boolean holdsLauncher(Path directory) {
        return Files.isRegularFile(directory.resolve(LAUNCHER)) && Files.isRegularFile(directory.resolve("package.json"));
    }
}
