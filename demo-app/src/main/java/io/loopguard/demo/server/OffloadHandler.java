package io.loopguard.demo.server;

import io.loopguard.demo.backend.SlowBackend;
import io.loopguard.demo.backend.WorkerPool;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.time.Duration;

/**
 * {@code /offload/work}: the same blocking call, moved to a bounded worker pool; the answer is written
 * back on the connection's event loop. When every worker is busy and the queue is full, the request is
 * refused at once with {@code 503 Retry-After} (backpressure) instead of waiting in an unbounded queue.
 */
final class OffloadHandler {
    static final String FULL = "every worker is busy and the queue is full; retry in a second";

    private final SlowBackend backend;
    private final WorkerPool workers;

    OffloadHandler(SlowBackend backend, WorkerPool workers) {
        this.backend = backend;
        this.workers = workers;
    }

    void handle(ChannelHandlerContext ctx, boolean keepAlive, Duration time) {
        boolean accepted = workers.offer(() -> {
            try {
                String answer = backend.callBlocking(time);
                ctx.channel().eventLoop().execute(() -> Responses.text(ctx, keepAlive, HttpResponseStatus.OK, answer));
            } catch (Exception e) {
                ctx.channel().eventLoop().execute(() -> Responses.text(ctx, keepAlive, HttpResponseStatus.BAD_GATEWAY,
                        "the backend failed: " + e));
            }
        });
        if (!accepted) {
            Responses.serviceUnavailable(ctx, keepAlive, FULL);
        }
    }
}
