package io.loopguard.corpus.future;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.CompletableFuture;

/** Waits for futures on the event loop: Netty's own sync(), and a JDK future's join() in a listener. */
public final class ClosingHandler extends ChannelInboundHandlerAdapter {
    private final CompletableFuture<String> greeting = new CompletableFuture<>();

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        ctx.channel().parent().close().sync();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush("hello").addListener(future -> ctx.write(greeting.join()));
    }
}
