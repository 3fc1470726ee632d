package io.loopguard.agent.metrics;

import io.loopguard.agent.common.AgentThread;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A minimal HTTP/1.1 server for scrapes, on one thread that never waits on a client: every socket is
 * non-blocking, a request must arrive whole within {@link #REQUEST_LIMIT_NANOS} and {@link #MAX_REQUEST_BYTES},
 * and when {@link #MAX_CONNECTIONS} are open the one that has waited longest without a whole request is
 * closed. So clients that connect and send nothing, or half a request, cannot stop other scrapes.
 */
final class ScrapeServer {
    static final int MAX_REQUEST_BYTES = 8 * 1024;
    static final long REQUEST_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    static final long RESPONSE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final int MAX_CONNECTIONS = 1024;
    private static final int BACKLOG = 1024;
    private static final long TICK_MILLIS = 250;

    private final ServerSocketChannel server;
    private final Selector selector;
    private volatile boolean stopping;
    /** Open connections, oldest first. */
    private final Set<Connection> connections = new LinkedHashSet<>();

    private ScrapeServer(ServerSocketChannel server, Selector selector) {
        this.server = server;
        this.selector = selector;
    }

    /**
     * Takes the address right away, so that a port in use is reported at start-up; serves nothing yet.
     *
     * @throws IOException if the address cannot be listened on (port in use, unknown host, ...)
     */
    static ScrapeServer listen(InetSocketAddress address) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(address, BACKLOG);
            server.configureBlocking(false);
            Selector selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            return new ScrapeServer(server, selector);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) server.getLocalAddress();
    }

    /** Starts answering {@code GET /metrics} with {@code body}'s text, on a thread of its own. */
    void serve(String contentType, Supplier<String> body) {
        new AgentThread("loopguard-metrics-http", () -> run(contentType, body)).start();
    }

    /** Closes the port and every connection, from any thread; the serving thread ends. */
    void stop() {
        stopping = true;
        selector.wakeup();
    }

    private void run(String contentType, Supplier<String> body) {
        while (!stopping) {
            try {
                // With no connection there is no time limit to enforce: sleep until a client or stop() wakes it.
                selector.select(connections.isEmpty() ? 0 : TICK_MILLIS);
                List<Connection> answering = new ArrayList<>();
                for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    // Ready operations read once, before a read that may close the connection (and cancel its key).
                    int ready = key.readyOps();
                    if ((ready & SelectionKey.OP_ACCEPT) != 0) {
                        acceptAll();
                    } else if (key.attachment() instanceof Connection connection) {
                        if ((ready & SelectionKey.OP_READ) != 0) {
                            if (connection.read()) {
                                answering.add(connection);
                            }
                        } else if ((ready & SelectionKey.OP_WRITE) != 0) {
                            connection.write();
                        }
                    }
                }
                answer(answering, contentType, body);
                closeExpired(System.nanoTime());
            } catch (IOException | RuntimeException e) {
                // One bad connection or a failed scrape must not stop the server; the connections involved are closed.
                connections.removeIf(connection -> !connection.isOpen());
            }
        }
        connections.forEach(Connection::close);
        try {
            selector.close();
            server.close();
        } catch (IOException alreadyClosed) {
            // nothing more to release
        }
    }

    private void acceptAll() throws IOException {
        for (SocketChannel channel = server.accept(); channel != null; channel = server.accept()) {
            if (connections.size() >= MAX_CONNECTIONS && !closeOldestWaiting()) {
                channel.close();
                continue;
            }
            channel.configureBlocking(false);
            Connection connection = new Connection(channel, System.nanoTime());
            channel.register(selector, SelectionKey.OP_READ, connection);
            connections.add(connection);
        }
    }

    /** Renders the body once for every request that became whole in this round. */
    private void answer(List<Connection> answering, String contentType, Supplier<String> body) {
        if (answering.isEmpty()) {
            return;
        }
        ByteBuffer rendered = null;
        if (answering.stream().anyMatch(Connection::wantsMetrics)) {
            try {
                rendered = ByteBuffer.wrap(body.get().getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
            } catch (RuntimeException | LinkageError e) {
                rendered = null; // answered 500 below
            }
        }
        for (Connection connection : answering) {
            boolean failed = connection.wantsMetrics() && rendered == null;
            connection.respond(failed ? 500 : connection.status(), contentType, rendered);
        }
    }

    private void closeExpired(long now) {
        for (Iterator<Connection> open = connections.iterator(); open.hasNext(); ) {
            Connection connection = open.next();
            if (connection.isExpired(now) || !connection.isOpen()) {
                connection.close();
                open.remove();
            }
        }
    }

    private boolean closeOldestWaiting() {
        for (Iterator<Connection> open = connections.iterator(); open.hasNext(); ) {
            Connection connection = open.next();
            if (connection.isWaitingForRequest()) {
                connection.close();
                open.remove();
                return true;
            }
        }
        return false;
    }

    /** One client connection: reads one request, writes one response, then closes. */
    private final class Connection {
        private final SocketChannel channel;
        private final ByteBuffer request = ByteBuffer.allocate(MAX_REQUEST_BYTES);
        private ByteBuffer[] response;
        private long deadline;
        private String method;
        private String target;
        private boolean tooLarge;
        private boolean draining;

        Connection(SocketChannel channel, long accepted) {
            this.channel = channel;
            this.deadline = accepted + REQUEST_LIMIT_NANOS;
        }

        /** Reads what has arrived; returns whether the request is now whole and to be answered. */
        boolean read() throws IOException {
            if (draining) {
                request.clear();
            }
            int read;
            try {
                read = channel.read(request);
            } catch (IOException e) {
                close();
                return false;
            }
            if (read < 0) {
                close();
                return false;
            }
            if (draining || response != null) {
                return false;
            }
            int end = headEnd();
            if (end < 0) {
                if (!request.hasRemaining()) {
                    method = "";
                    tooLarge = true;
                    respond(431, "text/plain", null);
                }
                return false;
            }
            String head = new String(request.array(), 0, end, StandardCharsets.ISO_8859_1);
            String[] line = head.split("\r?\n", 2)[0].split(" ");
            method = line[0];
            target = line.length > 1 ? line[1] : "";
            return true;
        }

        boolean wantsMetrics() {
            return status() == 200 && method.equals("GET");
        }

        int status() {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                return 405;
            }
            String path = target.indexOf('?') >= 0 ? target.substring(0, target.indexOf('?')) : target;
            return path.equals("/metrics") ? 200 : 404;
        }

        /** Starts writing the response; {@code body} is shared with other connections and only read. */
        void respond(int status, String contentType, ByteBuffer body) {
            boolean withBody = status == 200 && "GET".equals(method) && body != null;
            byte[] head = ("HTTP/1.1 " + status + ' ' + reason(status) + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + (withBody ? body.remaining() : 0)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            response = withBody ? new ByteBuffer[] {ByteBuffer.wrap(head), body.duplicate()}
                    : new ByteBuffer[] {ByteBuffer.wrap(head)};
            deadline = System.nanoTime() + RESPONSE_LIMIT_NANOS;
            write();
        }

        void write() {
            try {
                channel.write(response);
                if (response[response.length - 1].hasRemaining()) {
                    channel.register(selector, SelectionKey.OP_WRITE, this);
                } else if (tooLarge) {
                    // Closing with the rest of the request unread would reset the connection, and the client
                    // might never see the answer: read and discard the rest until the client closes.
                    draining = true;
                    channel.shutdownOutput();
                    channel.register(selector, SelectionKey.OP_READ, this);
                } else {
                    close();
                }
            } catch (IOException e) {
                close();
            }
        }

        boolean isWaitingForRequest() {
            return response == null;
        }

        boolean isExpired(long now) {
            return now - deadline > 0;
        }

        boolean isOpen() {
            return channel.isOpen();
        }

        void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closed either way.
            }
        }

        /** The index just past the blank line that ends the request head, or -1 if it has not arrived yet. */
        private int headEnd() {
            byte[] bytes = request.array();
            for (int i = 1; i < request.position(); i++) {
                if (bytes[i] == '\n' && (bytes[i - 1] == '\n' || i >= 2 && bytes[i - 1] == '\r' && bytes[i - 2] == '\n')) {
                    return i + 1;
                }
            }
            return -1;
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 431 -> "Request Header Fields Too Large";
            default -> "Internal Server Error";
        };
    }
}
