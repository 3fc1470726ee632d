package io.loopguard.demo.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A non-blocking HTTP/1.1 GET on Netty: one connection per request, every step a callback on the given
 * event loops, so it never waits on the thread that calls it. Used by the load generator and by the
 * {@code /async} handlers to reach the slow legacy service.
 */
public final class NettyHttpClient {
    private final EventLoopGroup loops;

    public NettyHttpClient(EventLoopGroup loops) {
        this.loops = loops;
    }

    /** An answer: its status and body. */
    public record Response(int status, String body) { }

    /** Sends {@code GET path}; the future fails with a {@link TimeoutException} if no answer came in time. */
    public CompletableFuture<Response> get(InetSocketAddress server, String path, Duration timeout) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        Bootstrap bootstrap = new Bootstrap().group(loops).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20),
                                new AnswerHandler(result));
                    }
                });
        bootstrap.connect(server).addListener((ChannelFutureListener) connected -> {
            if (!connected.isSuccess()) {
                result.completeExceptionally(connected.cause());
                return;
            }
            Channel channel = connected.channel();
            ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> {
                result.completeExceptionally(new TimeoutException("no answer to GET " + path + " in " + timeout.toMillis() + " ms"));
                channel.close();
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            result.whenComplete((response, failure) -> deadline.cancel(false));
            DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path);
            request.headers().set(HttpHeaderNames.HOST, server.getHostString() + ":" + server.getPort())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            channel.writeAndFlush(request);
        });
        return result;
    }

    /** Completes the future with the first full answer, or with why none came. */
    private static final class AnswerHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
        private final CompletableFuture<Response> result;

        AnswerHandler(CompletableFuture<Response> result) {
            this.result = result;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            result.complete(new Response(response.status().code(), response.content().toString(StandardCharsets.UTF_8)));
            ctx.close();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            result.completeExceptionally(cause);
            ctx.close();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            result.completeExceptionally(new IOException("the server closed the connection without an answer"));
        }
    }
}
