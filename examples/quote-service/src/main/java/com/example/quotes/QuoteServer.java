package com.example.quotes;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An HTTP service of stock quotes on one Netty event loop. Usage: {@code QuoteServer [port]} (0: any free port). */
public final class QuoteServer implements AutoCloseable {
    private final EventLoopGroup loops = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final Channel channel;

    public QuoteServer(int port, PriceFeed feed) throws InterruptedException {
        channel = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(8192),
                                new QuoteHandler(feed, workers));
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        loops.shutdownGracefully().syncUninterruptibly();
        workers.shutdown();
    }

    public static void main(String[] args) throws InterruptedException {
        QuoteServer server = new QuoteServer(args.length > 0 ? Integer.parseInt(args[0]) : 8080, new PriceFeed());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("quote-service listening on http://127.0.0.1:" + server.port());
        server.channel.closeFuture().sync();
    }
}
