package io.loopguard.junit.samples;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;

/**
 * A real Netty 4.2 NIO event loop for the sample tests. A task that throws has its error swallowed, the
 * way reactive code often does, and printed as {@code SWALLOWED <class>} so the test can tell.
 */
public final class EventLoop implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

    /** A blocking action that may throw anything, as Thread.sleep does. */
    public interface Action {
        void run() throws Exception;
    }

    /** Runs {@code action} on the event loop and waits, on the calling thread, until it is done. */
    public void run(Action action) throws Exception {
        group.submit(() -> {
            try {
                action.run();
            } catch (Throwable swallowed) {
                System.out.println("SWALLOWED " + swallowed.getClass().getName());
            }
        }).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
