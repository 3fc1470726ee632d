package io.loopguard.demo;

import io.loopguard.demo.backend.SlowBackend;
import io.loopguard.demo.client.NettyHttpClient;
import io.loopguard.demo.server.DemoServer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** The demo server on one event loop, in this JVM, with a Netty client to drive it; closed after the test. */
public final class RunningDemo implements AutoCloseable {
    private final SlowBackend backend;
    private final DemoServer server;
    private final EventLoopGroup clientLoops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final NettyHttpClient client = new NettyHttpClient(clientLoops);

    public RunningDemo(SlowBackend backend, int workers, int queue) throws InterruptedException {
        this.backend = backend;
        server = new DemoServer(0, 1, workers, queue, backend, "127.0.0.1", 6379);
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public NettyHttpClient client() {
        return client;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + address().getPort() + path;
    }

    @Override
    public void close() {
        clientLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        server.close();
        backend.close();
    }
}
