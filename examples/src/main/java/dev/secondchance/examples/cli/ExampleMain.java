package dev.secondchance.examples.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The common frame of every example's {@code main}: parse the options, print the help if asked, run, and
 * turn a usage error into a message and exit code 2, any other failure into exit code 1.
 */
public final class ExampleMain {

    /** The default output folder, relative to the working directory, as the README's demo expects. */
    public static final Path DEFAULT_OUT = Path.of("examples", "target", "herd");

    /** The body of an example, given its parsed options. */
    @FunctionalInterface
    public interface Body {
        /**
         * Runs the example.
         *
         * @param options the parsed options
         * @throws Exception if it fails
         */
        void run(Options options) throws Exception;
    }

    private ExampleMain() {}

    /**
     * Parses, runs and returns the exit code.
     *
     * @param command how the example is started, for the usage line
     * @param about what it does, for the help
     * @param options the options it knows
     * @param args the arguments
     * @param body the example
     * @param out where the help goes
     * @param err where error messages go
     * @return 0 on success or help, 2 on a usage error, 1 on another failure
     */
    public static int run(String command, String about, List<Option> options, String[] args, Body body,
            PrintStream out, PrintStream err) {
        Options parsed;
        try {
            parsed = Options.parse(command, about, options, args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help to see the options.");
            return 2;
        }
        if (parsed.helpRequested()) {
            out.print(parsed.help());
            return 0;
        }
        try {
            body.run(parsed);
            return 0;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Run with --help to see the options.");
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return 1;
        } catch (Exception e) {
            err.println("failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * Exits the JVM with {@code code} unless it is 0, so that a {@code main} that succeeded returns
     * normally (and lets an embedding runner, such as a test, go on).
     *
     * @param code the exit code
     */
    public static void exitIfFailed(int code) {
        if (code != 0) {
            System.exit(code);
        }
    }
}
