package io.loopguard.demo.server;

import io.loopguard.demo.backend.SlowBackend;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;

/**
 * {@code /blocking/work}: THE BUG this demo is about. It calls the slow backend the blocking way right on
 * the event loop, so while it waits, every other connection of this loop — {@code /health} included —
 * waits too. Under load the queue only grows: the death spiral. Loopguard names this line.
 */
final class BlockingHandler {
    private final SlowBackend backend;

    BlockingHandler(SlowBackend backend) {
        this.backend = backend;
    }

    void handle(ChannelHandlerContext ctx, boolean keepAlive, Duration time) throws Exception {
        String answer = backend.callBlocking(time);
        Responses.text(ctx, keepAlive, HttpResponseStatus.OK, answer);
    }
}
