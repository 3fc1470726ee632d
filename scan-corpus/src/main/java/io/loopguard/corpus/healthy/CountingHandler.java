package io.loopguard.corpus.healthy;

import io.loopguard.api.Loopguard;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A busy but healthy handler: maps, queues, a short critical section, console output, and one wait the application
 * accepts explicitly. Nothing here may be reported.
 */
public final class CountingHandler extends SimpleChannelInboundHandler<String> {
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final Queue<String> recent = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, String word) {
        int count = counts.merge(word, 1, Integer::sum);
        recent.offer(word);
        lock.lock();
        try {
            System.out.println(word + " " + count);
        } finally {
            lock.unlock();
        }
        Optional.of(word).map(String::toUpperCase).ifPresent(ctx::writeAndFlush);
        Loopguard.runAllowed(() -> warmUpOnce());
    }

    private static void warmUpOnce() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
