package dev.secondchance.testing.dynamodb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drains the launcher's output (standard output and error, merged) on a daemon thread until the process ends,
 * so that it never blocks on a full pipe; completes {@link #port()} from the line the launcher prints once
 * bound, and keeps the last lines for error messages.
 */
final class LauncherOutput implements Runnable {

    private static final Pattern LISTENING = Pattern.compile("^dynalite \\S+ listening at http://127\\.0\\.0\\.1:(\\d+)$");
    private static final int KEPT_LINES = 40;

    private final InputStream output;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Deque<String> lastLines = new ArrayDeque<>();

    private LauncherOutput(InputStream output) {
        this.output = output;
    }

    static LauncherOutput drain(Process process) {
        LauncherOutput drain = new LauncherOutput(process.getInputStream());
        Thread thread = new Thread(drain, "dynalite-output-" + process.pid());
        thread.setDaemon(true);
        thread.start();
        return drain;
    }

    CompletableFuture<Integer> port() {
        return port;
    }

    String lastLines() {
        synchronized (lastLines) {
            return String.join(System.lineSeparator(), lastLines);
        }
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                keep(line);
                Matcher listening = LISTENING.matcher(line.strip());
                if (!port.isDone() && listening.matches()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
            }
        } catch (IOException closed) {
            keep("(output closed: " + closed.getMessage() + ")");
        }
        port.completeExceptionally(new IllegalStateException("dynalite ended before it listened"));
    }

    private void keep(String line) {
        synchronized (lastLines) {
            if (lastLines.size() == KEPT_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }
    }
}
