package io.loopguard.demo.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writing a small plain-text answer, keeping the connection open only if the client asked for it. */
final class Responses {

    private Responses() {
    }

    static void text(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String body) {
        write(ctx, keepAlive, response(status, body));
    }

    /** Backpressure: the client learns at once that it should come back later, instead of waiting in a queue. */
    static void serviceUnavailable(ChannelHandlerContext ctx, boolean keepAlive, String why) {
        FullHttpResponse response = response(HttpResponseStatus.SERVICE_UNAVAILABLE, why);
        response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
        write(ctx, keepAlive, response);
    }

    private static FullHttpResponse response(HttpResponseStatus status, String body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        return response;
    }

    private static void write(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
