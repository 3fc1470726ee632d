package io.loopguard.demo.server;

import io.loopguard.demo.backend.SlowBackend;
import io.loopguard.demo.backend.WorkerPool;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The demo's HTTP/1.1 server on 127.0.0.1: a few Netty NIO event loops, a bounded worker pool, the routes. */
public final class DemoServer implements AutoCloseable {
    private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup eventLoops;
    private final WorkerPool workers;
    private final ScheduledExecutorService deadlines;
    private final Channel server;

    /** Starts serving; {@code port} 0 picks a free port (see {@link #address()}). */
    public DemoServer(int port, int eventLoopCount, int workerCount, int queueLength, SlowBackend backend,
                      String redisHost, int redisPort) throws InterruptedException {
        eventLoops = new MultiThreadIoEventLoopGroup(eventLoopCount, NioIoHandler.newFactory());
        // Bounded: a full pool says so at once (503) instead of queueing forever.
        workers = new WorkerPool("offload-worker", workerCount, queueLength);
        deadlines = Executors.newSingleThreadScheduledExecutor(WorkerPool.daemonThreads("stream-deadline-"));
        Routes routes = new Routes(backend, workers, redisHost, redisPort, deadlines);
        server = new ServerBootstrap().group(acceptor, eventLoops).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536), routes);
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.localAddress();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        acceptor.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        // Deadlines last until the loops are gone: a loop stuck in a blocking stream is freed only by one.
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        workers.close();
        deadlines.shutdownNow();
    }
}
