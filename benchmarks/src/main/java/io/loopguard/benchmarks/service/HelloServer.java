package io.loopguard.benchmarks.service;

import io.loopguard.benchmarks.harness.Agent;
import io.loopguard.benchmarks.harness.InProcessBlockHound;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A Netty HTTP/1.1 hello-world on one event loop (or as many as a third argument says), bound to an
 * ephemeral loopback port. It prints
 * {@code port N}, then serves until its standard input closes.
 *
 * <p>Arguments: the {@link Work} each request does, and the {@link Agent} the JVM runs with.
 */
public final class HelloServer {
    private HelloServer() {
    }

    public static void main(String[] args) throws Exception {
        Work work = Work.valueOf(args[0]);
        Agent agent = Agent.fromArgument(args[1]);
        agent.attachIfSelfAttached();
        boolean blockHound = agent == Agent.BLOCKHOUND;
        if (blockHound) {
            // Netty's own BlockHound integration marks its event loops as non-blocking.
            InProcessBlockHound.install(AllowedWork.class, "run");
        }
        int loops = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(loops, NioIoHandler.newFactory());
        try {
            if (blockHound && !blockingIsCaughtOn(loop)) {
                throw new IllegalStateException("BlockHound does not watch the event loop: the comparison would be void");
            }
            Channel server = new ServerBootstrap()
                    .group(loop)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpServerCodec(), new HelloHandler(work));
                        }
                    })
                    .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            System.out.println("port " + ((InetSocketAddress) server.localAddress()).getPort());
            System.out.flush();
            waitForStandardInputToClose();
        } finally {
            loop.shutdownGracefully().sync();
        }
    }

    private static boolean blockingIsCaughtOn(EventLoopGroup loop) throws Exception {
        return loop.submit(() -> {
            try {
                Thread.sleep(0);
                return false;
            } catch (Error caught) {
                return true;
            }
        }).get();
    }

    private static void waitForStandardInputToClose() throws IOException {
        while (System.in.read() >= 0) {
            // The benchmark closes our standard input when it is done with us.
        }
    }
}
