package dev.secondchance.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
import org.eclipse.jetty.util.Callback;

/**
 * A real Jetty 12 on 127.0.0.1 with the filter (if any) in front of one servlet, and a handler in front of
 * both that can cut the connection of the next responses after the servlet ran: the client then sees an
 * I/O failure and no response, as when a reply is lost.
 */
final class TestJetty implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Semaphore arrivals = new Semaphore(0);

    private TestJetty(Filter filter, HttpServlet servlet) throws Exception {
        server = new Server();
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        if (filter != null) {
            context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(servlet), "/*");
        server.setHandler(new ReplyCutter(context));
        server.start();
    }

    /** Starts Jetty with {@code filter} (null for none) in front of {@code servlet}. */
    static TestJetty start(Filter filter, HttpServlet servlet) throws Exception {
        return new TestJetty(filter, servlet);
    }

    /** @return the address of {@code path} on this server */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + path);
    }

    /** Cuts the connection of the next {@code count} responses instead of sending them. */
    void cutNextReplies(int count) {
        cutsLeft.set(count);
    }

    /** @return how many requests reached the server */
    int requests() {
        return requests.get();
    }

    /** Waits until {@code count} more requests than at the last wait have reached the server. */
    void awaitArrivals(int count) throws InterruptedException {
        if (!arrivals.tryAcquire(count, 30, TimeUnit.SECONDS)) {
            throw new AssertionError(count + " requests did not arrive within 30 s");
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** Closes the connection where the response would be written: the servlet has run, the reply is lost. */
    private final class ReplyCutter extends Handler.Wrapper {

        ReplyCutter(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            requests.incrementAndGet();
            arrivals.release();
            if (cutsLeft.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
                return super.handle(request, response, callback);
            }
            Response cutting = new Response.Wrapper(request, response) {
                @Override
                public void write(boolean last, ByteBuffer content, Callback written) {
                    request.getConnectionMetaData().getConnection().getEndPoint().close();
                    written.failed(new EofException("the test cut the connection after the servlet ran"));
                }
            };
            return super.handle(request, cutting, callback);
        }
    }
}
