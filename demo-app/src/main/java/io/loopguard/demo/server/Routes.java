package io.loopguard.demo.server;

import io.loopguard.demo.backend.SlowBackend;
import io.loopguard.demo.backend.WorkerPool;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Sends each request to its handler: {@code /health}, and for each mode ({@code blocking}, {@code offload},
 * {@code async}) {@code /<mode>/work?ms=N} (one call of the slow backend) and
 * {@code /<mode>/stream?channel=C&messages=N} (a Redis channel as server-sent events).
 */
@ChannelHandler.Sharable
final class Routes extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Duration LONGEST_STREAM = Duration.ofSeconds(30);

    private final BlockingHandler blocking;
    private final OffloadHandler offload;
    private final AsyncHandler async;
    private final JedisStream jedisStream;
    private final NettyRedisStream nettyRedisStream;
    private final WorkerPool workers;

    Routes(SlowBackend backend, WorkerPool workers, String redisHost, int redisPort, ScheduledExecutorService deadlines) {
        this.workers = workers;
        blocking = new BlockingHandler(backend);
        offload = new OffloadHandler(backend, workers);
        async = new AsyncHandler(backend);
        jedisStream = new JedisStream(redisHost, redisPort, deadlines);
        nettyRedisStream = new NettyRedisStream(redisHost, redisPort);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) throws Exception {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String[] path = uri.path().substring(1).split("/");
        if (path.length == 1 && path[0].equals("health")) {
            Responses.text(ctx, keepAlive, HttpResponseStatus.OK, "ok");
        } else if (path.length == 2 && path[1].equals("work") && Mode.NAMES.contains(path[0])) {
            work(ctx, keepAlive, path[0], Duration.ofMillis(number(uri, "ms", 100)));
        } else if (path.length == 2 && path[1].equals("stream") && Mode.NAMES.contains(path[0])) {
            stream(ctx, path[0], parameter(uri, "channel", "demo"), (int) number(uri, "messages", 5));
        } else {
            Responses.text(ctx, keepAlive, HttpResponseStatus.NOT_FOUND,
                    "not found; try /health, /blocking/work?ms=500, /offload/work, /async/work, /async/stream?channel=demo");
        }
    }

    private void work(ChannelHandlerContext ctx, boolean keepAlive, String mode, Duration time) throws Exception {
        switch (mode) {
            case Mode.BLOCKING -> blocking.handle(ctx, keepAlive, time);
            case Mode.OFFLOAD -> offload.handle(ctx, keepAlive, time);
            default -> async.handle(ctx, keepAlive, time);
        }
    }

    private void stream(ChannelHandlerContext ctx, String mode, String channel, int messages) {
        switch (mode) {
            case Mode.BLOCKING -> jedisStream.relay(ctx, channel, messages, LONGEST_STREAM);
            case Mode.OFFLOAD -> {
                if (!workers.offer(() -> jedisStream.relay(ctx, channel, messages, LONGEST_STREAM))) {
                    Responses.serviceUnavailable(ctx, false, OffloadHandler.FULL);
                }
            }
            default -> nettyRedisStream.relay(ctx, channel, messages, LONGEST_STREAM);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Responses.text(ctx, false, HttpResponseStatus.INTERNAL_SERVER_ERROR, "failed: " + cause);
    }

    private static String parameter(QueryStringDecoder uri, String name, String otherwise) {
        List<String> values = uri.parameters().get(name);
        return values == null || values.isEmpty() ? otherwise : values.get(0);
    }

    private static long number(QueryStringDecoder uri, String name, long otherwise) {
        try {
            return Long.parseLong(parameter(uri, name, String.valueOf(otherwise)));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
