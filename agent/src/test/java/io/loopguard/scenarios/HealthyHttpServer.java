package io.loopguard.scenarios;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Netty HTTP server that answers at once, loaded by keep-alive clients on loopback for a while: busy,
 * healthy, never stuck. Usage: {@code HealthyHttpServer <clients> <millis>}; prints {@code REQUESTS <n>}.
 */
public final class HealthyHttpServer {

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        long millis = Long.parseLong(args[1]);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = LoopbackServer.startHttp(group, Answer::new);
            URL url = new URL("http://127.0.0.1:" + LoopbackServer.port(server) + "/");
            AtomicLong requests = new AtomicLong();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Thread client = new Thread(() -> {
                    while (System.nanoTime() < deadline) {
                        get(url);
                        requests.incrementAndGet();
                    }
                }, "http-client-" + i);
                client.start();
                threads.add(client);
            }
            for (Thread client : threads) {
                client.join();
            }
            server.close().sync();
            System.out.println("REQUESTS " + requests.get());
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    private static void get(URL url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Answer extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("ok", StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 2);
            ctx.writeAndFlush(response);
        }
    }
}
