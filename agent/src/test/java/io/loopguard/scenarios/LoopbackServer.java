package io.loopguard.scenarios;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A Netty server on a loopback port of its own, as the scenarios start them. */
final class LoopbackServer {
    private LoopbackServer() {
    }

    /** Serves on {@code group}; {@code connection} sets up the pipeline of each accepted connection. */
    static Channel start(EventLoopGroup group, Consumer<ChannelPipeline> connection) throws InterruptedException {
        return new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connection.accept(channel.pipeline());
                    }
                }).bind("127.0.0.1", 0).sync().channel();
    }

    /** An HTTP/1.1 server whose requests, aggregated, go to a new {@code handler} per connection. */
    static Channel startHttp(EventLoopGroup group, Supplier<ChannelHandler> handler) throws InterruptedException {
        return start(group, pipeline -> pipeline.addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536),
                handler.get()));
    }

    static int port(Channel server) {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /**
     * Serves one connection with {@code handler}: sends it one byte, prints {@code REPLY <the byte it answers>},
     * and closes the server.
     */
    static void askOnce(EventLoopGroup group, ChannelHandler handler) throws Exception {
        Channel server = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(handler).bind("127.0.0.1", 0).sync().channel();
        try (Socket client = new Socket()) {
            client.connect(server.localAddress(), 5_000);
            client.setSoTimeout(60_000);
            OutputStream out = client.getOutputStream();
            out.write('?');
            out.flush();
            InputStream in = client.getInputStream();
            System.out.println("REPLY " + (char) in.read());
        } finally {
            server.close().sync();
        }
    }
}
