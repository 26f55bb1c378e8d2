package dev.secondchance.examples.dynamo;

import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * DynamoDB Local, in memory, as an HTTP server on 127.0.0.1 and a free port, so that requests go through the
 * SDK's whole pipeline (and through a proxy, if one is put in front). It is DynamoDB Local's own request
 * handler in a Jetty server of ours: {@code ServerRunner} would listen on every interface, and it sends
 * telemetry unless told not to; this one listens on loopback only and sends nothing. One database is shared
 * by every credential and region. Close it to stop it.
 */
public final class LocalDynamoDbServer implements AutoCloseable {

    private final Server jetty;
    private final LocalDynamoDBServerHandler handler;
    private final URI endpoint;

    private LocalDynamoDbServer(Server jetty, LocalDynamoDBServerHandler handler, int port) {
        this.jetty = jetty;
        this.handler = handler;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Starts a server.
     *
     * @return the running server
     * @throws Exception if Jetty or DynamoDB Local cannot start
     */
    public static LocalDynamoDbServer start() throws Exception {
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(
                new LocalDynamoDBRequestHandler(0, true, null, true, false), null);
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ContextHandler context = new ContextHandler();
        context.setHandler(handler);
        jetty.setHandler(new ContextHandlerCollection(context));
        jetty.start();
        return new LocalDynamoDbServer(jetty, handler, connector.getLocalPort());
    }

    /** @return the server's endpoint, {@code http://127.0.0.1:<port>} */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("DynamoDB Local did not stop", e);
        } finally {
            handler.close();
        }
    }
}
