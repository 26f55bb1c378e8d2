package dev.secondchance.examples.herd.live;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One process's retrying client: sends one logical request, retrying as its strategy says, and reports how
 * the call ended to the herd's {@link HerdCounts}. Shared by the process's clients; thread-safe.
 */
@FunctionalInterface
public interface HerdClient {

    /**
     * Sends the request until it succeeds or the strategy gives up.
     *
     * @param request the request
     * @return the last response
     * @throws IOException if the last attempt failed on I/O
     * @throws InterruptedException if interrupted
     */
    HttpResponse<Void> send(HttpRequest request) throws IOException, InterruptedException;
}
