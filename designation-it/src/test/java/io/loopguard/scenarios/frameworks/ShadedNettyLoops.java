package io.loopguard.scenarios.frameworks;

import io.grpc.netty.shaded.io.netty.bootstrap.Bootstrap;
import io.grpc.netty.shaded.io.netty.bootstrap.ServerBootstrap;
import io.grpc.netty.shaded.io.netty.buffer.ByteBuf;
import io.grpc.netty.shaded.io.netty.buffer.Unpooled;
import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import io.grpc.netty.shaded.io.netty.channel.ChannelInitializer;
import io.grpc.netty.shaded.io.netty.channel.SimpleChannelInboundHandler;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.SocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.netty.shaded.io.netty.util.concurrent.EventExecutor;
import io.grpc.netty.shaded.io.netty.util.concurrent.Future;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Netty as gRPC ships it, relocated under {@code io.grpc.netty.shaded}: a handler that sleeps on its event loop,
 * a {@code sync()} on one of its loops for a future of another, and a healthy echo server and client on its
 * loops (their threads named {@code shaded-server-*} and {@code shaded-client-*}) that block nowhere.
 */
public final class ShadedNettyLoops {

    public static void main(String[] args) throws Exception {
        MultiThreadIoEventLoopGroup server = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("shaded-server"), NioIoHandler.newFactory());
        MultiThreadIoEventLoopGroup client = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("shaded-client"), NioIoHandler.newFactory());
        try {
            Channel listening = new ServerBootstrap().group(server).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new Echo());
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
            for (int i = 0; i < 20; i++) {
                System.out.println("RESULT echo " + echo(client, listening, "ping" + i));
            }
            System.out.println("RESULT handler " + echo(client, listening, "sleep"));

            EventExecutor other = client.next();
            String synced = server.next().submit(() -> syncOnAnotherShadedLoop(other)).get(30, TimeUnit.SECONDS);
            System.out.println("RESULT sync on another loop " + synced);
            listening.close().sync();
        } finally {
            client.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            server.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    /** Sends {@code text} over a new connection and returns what the server answered. */
    private static String echo(MultiThreadIoEventLoopGroup client, Channel server, String text) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        Channel channel = new Bootstrap().group(client).channel(NioSocketChannel.class)
                .handler(new SimpleChannelInboundHandler<ByteBuf>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext context, ByteBuf reply) {
                        answer.complete(reply.toString(StandardCharsets.UTF_8));
                        context.close();
                    }
                })
                .connect(server.localAddress()).sync().channel();
        channel.writeAndFlush(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        String reply = answer.get(30, TimeUnit.SECONDS);
        channel.closeFuture().sync();
        return reply;
    }

    /** Answers each message with itself; a message "sleep" makes it sleep first, on the event loop. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (((ByteBuf) message).toString(StandardCharsets.UTF_8).equals("sleep")) {
                sleepInShadedHandler();
            }
            context.writeAndFlush(message);
        }
    }

    static void sleepInShadedHandler() {
        LockSupport.parkNanos(1_000_000);
    }

    static String syncOnAnotherShadedLoop(EventExecutor other) throws InterruptedException {
        Future<String> onOther = other.submit(() -> "done");
        return onOther.sync().getNow();
    }
}
