package io.loopguard.demo.server;

import io.loopguard.demo.backend.SlowBackend;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;

/**
 * {@code /async/work}: the non-blocking version. It starts the call and returns; the answer arrives as a
 * callback on the same event loop, which serves everyone else in the meantime.
 */
final class AsyncHandler {
    private final SlowBackend backend;

    AsyncHandler(SlowBackend backend) {
        this.backend = backend;
    }

    void handle(ChannelHandlerContext ctx, boolean keepAlive, Duration time) {
        backend.callAsync(time, ctx.channel().eventLoop()).whenComplete((answer, failure) -> {
            if (failure == null) {
                Responses.text(ctx, keepAlive, HttpResponseStatus.OK, answer);
            } else {
                Responses.text(ctx, keepAlive, HttpResponseStatus.BAD_GATEWAY, "the backend failed: " + failure);
            }
        });
    }
}
