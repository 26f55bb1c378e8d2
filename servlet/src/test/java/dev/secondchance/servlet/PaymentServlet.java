package dev.secondchance.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "Charge a card": each run is one charge, counted per idempotency key, answered 201 with a payment number
 * that only a new run changes. Tests script what the next runs for a key do (throw, answer 503, hold).
 */
final class PaymentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** What one run does instead of answering normally. */
    enum Action { THROW, ANSWER_503, HOLD, BIG_BODY }

    private final transient AtomicInteger payments = new AtomicInteger();
    private final transient Map<String, AtomicInteger> runsByKey = new ConcurrentHashMap<>();
    private final transient Map<String, Queue<Action>> scripts = new ConcurrentHashMap<>();
    private final transient CountDownLatch release = new CountDownLatch(1);
    private final transient CountDownLatch held = new CountDownLatch(1);

    /** Makes the next run for {@code key} do {@code action}. */
    void script(String key, Action action) {
        scripts.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(action);
    }

    /** @return how many times the servlet ran for {@code key} */
    int runs(String key) {
        AtomicInteger runs = runsByKey.get(key);
        return runs == null ? 0 : runs.get();
    }

    /** @return how many times the servlet ran in all */
    int totalRuns() {
        return payments.get();
    }

    /** @return runs per key */
    Map<String, AtomicInteger> runsByKey() {
        return runsByKey;
    }

    /** Waits until a HOLD run has started. */
    void awaitHeld() throws InterruptedException {
        if (!held.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no run was held within 30 s");
        }
    }

    /** Lets every HOLD run go on. */
    void releaseHeld() {
        release.countDown();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String key = String.valueOf(request.getHeader("Idempotency-Key"));
        String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int payment = payments.incrementAndGet();
        runsByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        Queue<Action> script = scripts.get(key);
        Action action = script == null ? null : script.poll();
        if (action == Action.THROW) {
            throw new IllegalStateException("the card network failed");
        }
        if (action == Action.ANSWER_503) {
            response.setStatus(503);
            response.setContentType("text/plain");
            response.getWriter().write("card network unavailable");
            return;
        }
        if (action == Action.HOLD) {
            held.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the held run was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held", e);
            }
        }
        response.setStatus(body.contains("\"declined\"") ? 402 : 201);
        response.setContentType("application/json");
        response.setHeader("Location", "/payments/" + payment);
        response.addHeader("Set-Cookie", "session=" + payment);
        response.setHeader("X-Run", Integer.toString(payment));
        String reply = "{\"payment\":" + payment + ",\"request\":" + (body.isEmpty() ? "null" : body) + "}";
        if (action == Action.BIG_BODY) {
            reply = reply + " ".repeat(8 * 1024);
        }
        response.getOutputStream().write(reply.getBytes(StandardCharsets.UTF_8));
    }
}
