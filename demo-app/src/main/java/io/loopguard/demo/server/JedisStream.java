package io.loopguard.demo.server;

import io.netty.channel.ChannelHandlerContext;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Relays a Redis pub/sub channel as server-sent events with Jedis, whose {@code subscribe} holds the
 * calling thread until the subscription ends. Called on the event loop ({@code /blocking/stream}) that
 * freezes every other stream and request of the loop; called on a worker ({@code /offload/stream}) it is fine.
 */
final class JedisStream {
    private final String host;
    private final int port;
    private final ScheduledExecutorService deadlines;

    JedisStream(String host, int port, ScheduledExecutorService deadlines) {
        this.host = host;
        this.port = port;
        this.deadlines = deadlines;
    }

    void relay(ChannelHandlerContext ctx, String channel, int messages, Duration longest) {
        ServerSentEvents.start(ctx);
        try (Jedis jedis = new Jedis(host, port)) {
            Relay relay = new Relay(ctx, messages);
            // The event loop cannot time itself out while it is stuck in subscribe: another thread must.
            ScheduledFuture<?> deadline = deadlines.schedule(relay::stop, longest.toMillis(), TimeUnit.MILLISECONDS);
            try {
                jedis.subscribe(relay, channel);
            } finally {
                deadline.cancel(false);
            }
        } catch (RuntimeException e) {
            ServerSentEvents.comment(ctx, "redis failed: " + e.getMessage());
        } finally {
            ServerSentEvents.end(ctx);
        }
    }

    /** Writes each message as an event and unsubscribes after the last one. */
    private static final class Relay extends JedisPubSub {
        private final ChannelHandlerContext ctx;
        private final int messages;
        private int relayed;

        Relay(ChannelHandlerContext ctx, int messages) {
            this.ctx = ctx;
            this.messages = messages;
        }

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            ServerSentEvents.comment(ctx, "subscribed to " + channel);
        }

        @Override
        public void onMessage(String channel, String message) {
            ServerSentEvents.event(ctx, message);
            if (++relayed >= messages) {
                unsubscribe();
            }
        }

        void stop() {
            if (isSubscribed()) {
                unsubscribe();
            }
        }
    }
}
