package io.loopguard.corpus.offload;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Blocking work moved off the event loop four ways (an executor, a task class, the application's own helper, an async
 * future);
 * the answer goes back to the loop, where only non-blocking work happens. Nothing here blocks a loop.
 */
public final class OffloadingHandler extends ChannelInboundHandlerAdapter {
    private final ExecutorService workers;
    private final Offloader offloader;

    public OffloadingHandler(ExecutorService workers) {
        this.workers = workers;
        this.offloader = new Offloader(workers);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        workers.execute(() -> {
            String answer = readQuietly(message.toString());
            ctx.executor().execute(() -> ctx.writeAndFlush(answer));
        });
        offloader.run(() -> readQuietly("audit.log"));
        workers.execute(new AuditTrail(message.toString()));
        CompletableFuture.supplyAsync(() -> readQuietly("cache"), workers)
                .thenAccept(answer -> ctx.channel().eventLoop().execute(() -> ctx.write(answer)));
    }

    static String readQuietly(String name) {
        try {
            return Files.readString(Path.of(name));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
