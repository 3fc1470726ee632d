package com.example.quotes;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * {@code /quote/SYMBOL}: the latest price, fetched on a worker pool (the right way).
 * {@code /legacy/quote/SYMBOL}: the same, fetched on the event loop itself (the bug Loopguard reports).
 */
final class QuoteHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final PriceFeed feed;
    private final ExecutorService workers;

    QuoteHandler(PriceFeed feed, ExecutorService workers) {
        this.feed = feed;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
        String path = new QueryStringDecoder(request.uri()).path();
        if (path.startsWith("/quote/")) {
            String symbol = path.substring("/quote/".length());
            CompletableFuture.supplyAsync(() -> fetch(symbol), workers)
                    .whenComplete((price, failure) -> ctx.executor().execute(() -> respond(ctx, price)));
        } else if (path.startsWith("/legacy/quote/")) {
            respond(ctx, feed.latestPrice(path.substring("/legacy/quote/".length())));
        } else {
            respond(ctx, null);
        }
    }

    private Long fetch(String symbol) {
        try {
            return feed.latestPrice(symbol);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void respond(ChannelHandlerContext ctx, Long price) {
        HttpResponseStatus status = price == null ? HttpResponseStatus.NOT_FOUND : HttpResponseStatus.OK;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(price == null ? "" : price + "\n", StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
