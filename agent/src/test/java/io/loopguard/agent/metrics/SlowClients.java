package io.loopguard.agent.metrics;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Connections to the metrics endpoint that send nothing, or half a request, and stay open: each one the
 * server closes (at its request time limit) is opened again at once, so that from start to close there
 * are always slow clients for a scrape to get past.
 */
final class SlowClients implements AutoCloseable {
    static final String HALF_REQUEST = "GET /metr";

    private final int port;
    private final List<Slow> clients = new ArrayList<>();
    private final Thread keeper;
    private final AtomicLong reopened = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean closing;

    private record Slow(SocketChannel channel, boolean half) {
    }

    private SlowClients(int port) {
        this.port = port;
        this.keeper = new Thread(this::keepOpen, "slow-clients");
    }

    /** Opens {@code silent} connections that send nothing and {@code half} that send {@value #HALF_REQUEST}. */
    static SlowClients hold(int port, int silent, int half) throws IOException {
        SlowClients slow = new SlowClients(port);
        for (int i = 0; i < silent + half; i++) {
            slow.clients.add(slow.open(i >= silent));
        }
        slow.keeper.start();
        return slow;
    }

    /** How many connections the server closed and this opened again. */
    long reopened() {
        return reopened.get();
    }

    private Slow open(boolean half) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        if (half) {
            channel.write(ByteBuffer.wrap(HALF_REQUEST.getBytes(StandardCharsets.US_ASCII)));
        }
        channel.configureBlocking(false);
        return new Slow(channel, half);
    }

    private void keepOpen() {
        ByteBuffer sink = ByteBuffer.allocate(4096);
        try {
            while (!closing) {
                for (int i = 0; i < clients.size(); i++) {
                    if (isClosed(clients.get(i).channel(), sink)) {
                        clients.get(i).channel().close();
                        clients.set(i, open(clients.get(i).half()));
                        reopened.incrementAndGet();
                    }
                }
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            failure.set(e);
        }
    }

    private static boolean isClosed(SocketChannel channel, ByteBuffer sink) {
        try {
            sink.clear();
            return channel.read(sink) < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    /** Closes every connection; throws if keeping them open failed. */
    @Override
    public void close() throws Exception {
        closing = true;
        keeper.join();
        for (Slow client : clients) {
            client.channel().close();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
