package io.loopguard.scenarios;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event loops stuck where no blocking call is probed. Usage: {@code StallsOnEventLoop <case>}:
 * <ul>
 * <li>{@code cpu-in-handler}: a channel handler burns 600 ms of CPU in {@link #burnCpu} for one request;
 * <li>{@code lock-in-handler}: a channel handler enters a {@code synchronized} block another thread holds 500 ms;
 * <li>{@code sleep-in-handler}: a channel handler sleeps 400 ms, a blocking call that lasts past the threshold;
 * <li>{@code initializer-in-handler}: a channel handler is the first to use a class whose static initializer
 *     runs 400 ms, as in the first requests of a starting service;
 * <li>{@code tiny-tasks}: a loop kept busy with many tiny tasks for about two seconds (healthy);
 * <li>{@code delay}: two loops, one given a 200 ms CPU task, the other idle; prints
 *     {@code STALLED <thread> <nanos>} and {@code HEALTHY <thread>};
 * <li>{@code breakpoint-in-task}: a task calls {@link #breakpointHere}, where a test's debugger stops the loop.
 * </ul>
 */
public final class StallsOnEventLoop {
    private static final Object SHARED_LOCK = new Object();
    private static final AtomicLong SINK = new AtomicLong();
    private static final CountDownLatch HANDLER_WAITING = new CountDownLatch(1);

    public static void main(String[] args) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            switch (args[0]) {
                case "cpu-in-handler" -> LoopbackServer.askOnce(group, new CpuHoggingHandler());
                case "lock-in-handler" -> lockHeldElsewhere(group);
                case "sleep-in-handler" -> LoopbackServer.askOnce(group, new SleepingHandler());
                case "initializer-in-handler" -> LoopbackServer.askOnce(group, new InitializingHandler());
                case "tiny-tasks" -> tinyTasks(group.next(), 2_000);
                case "delay" -> delay(group);
                case "breakpoint-in-task" -> System.out.println("RESULT " + group.next().submit(() -> {
                    breakpointHere();
                    return "ok";
                }).get());
                default -> throw new IllegalArgumentException("unknown case: " + args[0]);
            }
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
        System.out.println("DONE");
    }

    /** Spins for {@code millis} on the calling thread, calling no blocking method; returns the nanoseconds spent. */
    static long burnCpu(long millis) {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(millis);
        long x = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 1_000; i++) {
                x = x * 31 + i;
            }
        }
        SINK.addAndGet(x);
        return System.nanoTime() - start;
    }

    /** Does nothing: a debugger sets a breakpoint here. */
    static void breakpointHere() {
        SINK.incrementAndGet();
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void lockHeldElsewhere(EventLoopGroup group) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (SHARED_LOCK) {
                held.countDown();
                try {
                    HANDLER_WAITING.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sleepMillis(500);
            }
        }, "lock-holder");
        holder.start();
        held.await();
        LoopbackServer.askOnce(group, new LockingHandler());
        holder.join();
    }

    private static void tinyTasks(EventLoop loop, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            CountDownLatch batch = new CountDownLatch(1_000);
            for (int i = 0; i < 1_000; i++) {
                loop.execute(() -> {
                    SINK.incrementAndGet();
                    batch.countDown();
                });
            }
            batch.await();
        }
    }

    /**
     * One loop stalled by a 400 ms task, one healthy; meanwhile a plain thread measures how late the machine wakes
     * a thread that sleeps 10 ms, as the loops' delay probes do ({@code LATENESS <max nanos>}): on a loaded machine
     * a healthy loop is late by that much too.
     */
    private static void delay(EventLoopGroup group) throws Exception {
        AtomicLong latenessMax = new AtomicLong();
        Thread reference = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long start = System.nanoTime();
                sleepMillis(10);
                latenessMax.accumulateAndGet(System.nanoTime() - start - TimeUnit.MILLISECONDS.toNanos(10), Math::max);
            }
        }, "lateness-reference");
        reference.setDaemon(true);
        reference.start();
        EventLoop stalled = group.next();
        EventLoop healthy = group.next();
        System.out.println("HEALTHY " + healthy.submit(() -> Thread.currentThread().getName()).get());
        Thread.sleep(500); // let the watchdog probe both loops for a while first
        String name = stalled.submit(() -> Thread.currentThread().getName()).get();
        long took = stalled.submit(() -> burnCpu(400)).get();
        System.out.println("STALLED " + name + " " + took);
        Thread.sleep(1_500);
        reference.interrupt();
        System.out.println("LATENESS " + latenessMax.get());
    }

    @ChannelHandler.Sharable
    private static final class CpuHoggingHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            burnCpu(600);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'!'}));
        }
    }

    @ChannelHandler.Sharable
    private static final class LockingHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            HANDLER_WAITING.countDown();
            synchronized (SHARED_LOCK) {
                SINK.incrementAndGet();
            }
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'!'}));
        }
    }

    @ChannelHandler.Sharable
    private static final class SleepingHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'!'}));
        }
    }

    @ChannelHandler.Sharable
    private static final class InitializingHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ((ByteBuf) msg).release();
            SINK.addAndGet(SlowToInitialize.VALUE);
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'!'}));
        }
    }

    /** Initialised by the first request: its static initializer computes for 400 ms, as a big table would. */
    private static final class SlowToInitialize {
        static final long VALUE = burnCpu(400);
    }
}
