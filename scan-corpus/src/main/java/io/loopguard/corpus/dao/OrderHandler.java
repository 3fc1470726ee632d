package io.loopguard.corpus.dao;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/** A Netty handler that looks an order up the blocking way: three calls deep, through an interface, into JDBC. */
public final class OrderHandler extends SimpleChannelInboundHandler<String> {
    private final OrderService orders;

    public OrderHandler(OrderService orders) {
        this.orders = orders;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String orderId) throws Exception {
        ctx.writeAndFlush(orders.describe(orderId));
    }
}
