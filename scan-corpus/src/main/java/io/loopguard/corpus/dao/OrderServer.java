package io.loopguard.corpus.dao;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import javax.sql.DataSource;

/** Wires the service: the JDBC DAO is the one created. */
public final class OrderServer {

    public static void start(DataSource dataSource) {
        OrderService service = new OrderService(new JdbcOrderDao(dataSource));
        new ServerBootstrap().group(new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory()))
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new OrderHandler(service));
                    }
                })
                .bind(8080);
    }
}
