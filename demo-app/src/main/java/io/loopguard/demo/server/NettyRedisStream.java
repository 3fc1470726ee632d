package io.loopguard.demo.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.redis.ArrayRedisMessage;
import io.netty.handler.codec.redis.FullBulkStringRedisMessage;
import io.netty.handler.codec.redis.RedisArrayAggregator;
import io.netty.handler.codec.redis.RedisBulkStringAggregator;
import io.netty.handler.codec.redis.RedisDecoder;
import io.netty.handler.codec.redis.RedisEncoder;
import io.netty.handler.codec.redis.RedisMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Relays a Redis pub/sub channel as server-sent events without ever waiting: the subscription is a Netty
 * connection on the HTTP connection's own event loop (Netty's Redis codec), and each message is a callback.
 */
final class NettyRedisStream {
    private final String host;
    private final int port;

    NettyRedisStream(String host, int port) {
        this.host = host;
        this.port = port;
    }

    void relay(ChannelHandlerContext http, String channel, int messages, Duration longest) {
        ServerSentEvents.start(http);
        new Bootstrap().group(http.channel().eventLoop()).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel redis) {
                        redis.pipeline().addLast(new RedisDecoder(), new RedisBulkStringAggregator(),
                                new RedisArrayAggregator(), new RedisEncoder(), new Relay(http, messages));
                    }
                })
                .connect(host, port).addListener((ChannelFutureListener) connected -> {
                    if (!connected.isSuccess()) {
                        ServerSentEvents.comment(http, "redis failed: " + connected.cause().getMessage());
                        ServerSentEvents.end(http);
                        return;
                    }
                    Channel redis = connected.channel();
                    http.channel().closeFuture().addListener(closed -> redis.close());
                    redis.eventLoop().schedule(() -> redis.close(), longest.toMillis(), TimeUnit.MILLISECONDS);
                    redis.writeAndFlush(new ArrayRedisMessage(List.of(bulk("SUBSCRIBE"), bulk(channel))));
                });
    }

    private static RedisMessage bulk(String text) {
        return new FullBulkStringRedisMessage(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }

    /** Turns each pushed {@code message} into an event; ends the HTTP stream when Redis is done. */
    private static final class Relay extends SimpleChannelInboundHandler<ArrayRedisMessage> {
        private final ChannelHandlerContext http;
        private final int messages;
        private int relayed;

        Relay(ChannelHandlerContext http, int messages) {
            this.http = http;
            this.messages = messages;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext redis, ArrayRedisMessage push) {
            List<RedisMessage> parts = push.children();
            String kind = text(parts.get(0));
            if (kind.equals("subscribe")) {
                ServerSentEvents.comment(http, "subscribed to " + text(parts.get(1)));
            } else if (kind.equals("message")) {
                ServerSentEvents.event(http, text(parts.get(2)));
                if (++relayed >= messages) {
                    redis.close();
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext redis) {
            ServerSentEvents.end(http);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext redis, Throwable cause) {
            ServerSentEvents.comment(http, "redis failed: " + cause.getMessage());
            redis.close();
        }

        private static String text(RedisMessage message) {
            return ((FullBulkStringRedisMessage) message).content().toString(StandardCharsets.UTF_8);
        }
    }
}
