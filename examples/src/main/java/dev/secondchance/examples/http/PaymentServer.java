package dev.secondchance.examples.http;

import dev.secondchance.idempotency.spi.IdempotencyStore;
import dev.secondchance.servlet.IdempotencyFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;

/**
 * A payment server on 127.0.0.1: {@code POST /payments} charges a card (a counter per order) behind the
 * {@link IdempotencyFilter}; {@code POST /unsafe/payments} does the same without it. It prints what it does with
 * each request, and it can lose its next reply (close the connection after the charge) or fail its next charge.
 */
final class PaymentServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final PrintStream out;
    private final Map<String, AtomicInteger> charges = new ConcurrentHashMap<>();
    private final AtomicInteger receipts = new AtomicInteger();
    private final AtomicBoolean loseNextReply = new AtomicBoolean();
    private final AtomicBoolean failNextCharge = new AtomicBoolean();

    PaymentServer(IdempotencyStore store, PrintStream out) throws Exception {
        this.out = out;
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new Narrator()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(new FilterHolder(IdempotencyFilter.builder(store).pathPrefixes("/payments").build()),
                "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new Charges()), "/*");
        // a stop waits for the requests in flight, so a reply the client already has is never cut off mid-write
        server.setHandler(new GracefulHandler(new ReplyLoser(context)));
        server.setStopTimeout(5_000);
        server.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }

    /** @return how many times the card was charged for {@code order} */
    int charges(String order) {
        AtomicInteger count = charges.get(order);
        return count == null ? 0 : count.get();
    }

    void loseNextReply() {
        loseNextReply.set(true);
    }

    void failNextCharge() {
        failNextCharge.set(true);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Charges the card of the order named in the body. */
    private final class Charges extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String order = body.replaceAll(".*\"order\":\"([^\"]*)\".*", "$1");
            if (failNextCharge.getAndSet(false)) {
                out.printf("    server: the card network fails for %s: nothing charged, the servlet throws%n", order);
                throw new IllegalStateException("card network unavailable");
            }
            int charge = charges.computeIfAbsent(order, o -> new AtomicInteger()).incrementAndGet();
            String receipt = "r-" + receipts.incrementAndGet();
            out.printf("    server: charged %s (charge #%d for this order), receipt %s%n", order, charge, receipt);
            response.setStatus(201);
            response.setContentType("application/json");
            response.setHeader("Location", "/payments/" + receipt);
            response.getWriter().write("{\"receipt\":\"" + receipt + "\",\"request\":" + body + "}");
        }
    }

    /** Prints what became of each request, after the filter and the servlet. */
    private final class Narrator implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            HttpServletResponse httpResponse = (HttpServletResponse) response;
            try {
                chain.doFilter(request, response);
            } catch (IOException lost) {
                out.printf("    server: %s %s key=%s -> no reply: the connection is gone (%s)%n", http.getMethod(),
                        http.getRequestURI(), http.getHeader("Idempotency-Key"), lost.getClass().getSimpleName());
                throw lost;
            } catch (ServletException | RuntimeException failure) {
                out.printf("    server: %s %s key=%s -> 500 (the servlet threw %s)%n", http.getMethod(),
                        http.getRequestURI(), http.getHeader("Idempotency-Key"), failure.getClass().getSimpleName());
                throw failure;
            }
            String replayed = httpResponse.getHeader("Idempotent-Replayed") != null ? ", replayed from the record" : "";
            out.printf("    server: %s %s key=%s -> %d%s%n", http.getMethod(), http.getRequestURI(),
                    http.getHeader("Idempotency-Key"), httpResponse.getStatus(), replayed);
        }
    }

    /** Closes the connection instead of sending the next reply: the charge happened, the client never hears. */
    private final class ReplyLoser extends Handler.Wrapper {
        ReplyLoser(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!loseNextReply.getAndSet(false)) {
                return super.handle(request, response, callback);
            }
            AtomicBoolean told = new AtomicBoolean();
            return super.handle(request, new Response.Wrapper(request, response) {
                @Override
                public void write(boolean last, ByteBuffer content, Callback written) {
                    if (!told.getAndSet(true)) {
                        out.println("    network: the reply is lost (the connection closes before it is sent)");
                    }
                    request.getConnectionMetaData().getConnection().getEndPoint().close();
                    written.failed(new EofException("reply lost"));
                }
            }, callback);
        }
    }
}
