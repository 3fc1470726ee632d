package io.loopguard.scenarios.frameworks;

import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Netty 4.1 or 4.2, whichever is on the class path: one blocking call on each named kind of event loop, each
 * from its own method. Loops are built by class name, so the one class runs against both versions.
 *
 * <p>Usage: {@code NettyLoops <loop>...} with loop one of {@code nio} ({@code NioEventLoopGroup}),
 * {@code epoll} ({@code EpollEventLoopGroup}), {@code io-nio} (4.2's {@code MultiThreadIoEventLoopGroup}),
 * each optionally prefixed {@code permitting-}: its threads answer {@code permitBlockingCalls() == true}.
 */
public final class NettyLoops {

    public static void main(String[] args) throws Exception {
        for (String loop : args) {
            boolean permitting = loop.startsWith("permitting-");
            EventExecutorGroup group = group(permitting ? loop.substring("permitting-".length()) : loop,
                    threads(loop, permitting));
            try {
                String thread = group.submit(() -> {
                    block(loop);
                    return Thread.currentThread().getName();
                }).get(30, TimeUnit.SECONDS);
                System.out.println("RESULT " + loop + " ran on " + thread);
            } finally {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            }
        }
    }

    private static void block(String loop) {
        switch (loop) {
            case "nio" -> sleepOnNio();
            case "epoll" -> sleepOnEpoll();
            case "io-nio" -> sleepOnIoNio();
            case "permitting-nio" -> sleepOnNioThatPermitsBlocking();
            case "permitting-epoll" -> sleepOnEpollThatPermitsBlocking();
            case "permitting-io-nio" -> sleepOnIoNioThatPermitsBlocking();
            default -> throw new IllegalArgumentException("unknown loop: " + loop);
        }
    }

    static void sleepOnNio() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnEpoll() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnIoNio() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnNioThatPermitsBlocking() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnEpollThatPermitsBlocking() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnIoNioThatPermitsBlocking() {
        LockSupport.parkNanos(1_000_000);
    }

    private static EventExecutorGroup group(String kind, ThreadFactory threads) throws Exception {
        return switch (kind) {
            case "nio" -> create("io.netty.channel.nio.NioEventLoopGroup", threads);
            case "epoll" -> create("io.netty.channel.epoll.EpollEventLoopGroup", threads);
            case "io-nio" -> {
                Object handlers = Class.forName("io.netty.channel.nio.NioIoHandler").getMethod("newFactory").invoke(null);
                Class<?> handlerFactory = Class.forName("io.netty.channel.IoHandlerFactory");
                yield (EventExecutorGroup) Class.forName("io.netty.channel.MultiThreadIoEventLoopGroup")
                        .getConstructor(int.class, ThreadFactory.class, handlerFactory).newInstance(1, threads, handlers);
            }
            default -> throw new IllegalArgumentException("unknown loop: " + kind);
        };
    }

    private static EventExecutorGroup create(String groupClass, ThreadFactory threads) throws Exception {
        return (EventExecutorGroup) Class.forName(groupClass).getConstructor(int.class, ThreadFactory.class)
                .newInstance(1, threads);
    }

    private static ThreadFactory threads(String loop, boolean permitting) {
        AtomicInteger count = new AtomicInteger();
        return task -> new FastThreadLocalThread(task, loop + "-" + count.incrementAndGet()) {
            @Override
            public boolean permitBlockingCalls() {
                return permitting;
            }
        };
    }
}
