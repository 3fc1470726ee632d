package io.loopguard.scenarios;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordingStream;

/**
 * A Netty handler that blocks ({@link #waitForNobody}, 50 ms) and then hogs its event loop ({@link
 * #burnCpu}, 300 ms), in a JVM started with {@code -XX:StartFlightRecording}. It streams Loopguard's events
 * too: it makes the request once they are on (a {@code io.loopguard.LoopDelay} event arrived), and ends once
 * each kind arrived, so that the recording holds them all; prints {@code RESULT <event loop thread name>}.
 */
public final class BlockingHandlerUnderFlightRecorder {
    private static final int BLOCK_MILLIS = 50;
    private static final int BURN_MILLIS = 300;
    /** The least time the handler holds its event loop. */
    public static final int HANDLER_MILLIS = BLOCK_MILLIS + BURN_MILLIS;
    private static final long WAIT_SECONDS = 90;

    public static void main(String[] args) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (RecordingStream loopguardEvents = new RecordingStream()) {
            CountDownLatch firstDelay = new CountDownLatch(1);
            CountDownLatch blockingCall = new CountDownLatch(1);
            CountDownLatch stall = new CountDownLatch(1);
            loopguardEvents.enable("io.loopguard.LoopDelay");
            loopguardEvents.enable("io.loopguard.BlockingCall");
            loopguardEvents.enable("io.loopguard.Stall");
            loopguardEvents.onEvent("io.loopguard.LoopDelay", event -> firstDelay.countDown());
            loopguardEvents.onEvent("io.loopguard.BlockingCall", event -> blockingCall.countDown());
            loopguardEvents.onEvent("io.loopguard.Stall", event -> {
                String stack = event.getString("stack");
                if ("ended".equals(event.getString("phase")) && stack != null
                        && stack.contains(BlockingHandler.class.getName() + ".channelRead(")) {
                    stall.countDown(); // the handler's own task, not another that held the loop (class loading)
                }
            });
            loopguardEvents.startAsync();
            String loop = group.next().submit(() -> Thread.currentThread().getName()).get();
            await(firstDelay, "io.loopguard.LoopDelay event (Loopguard's events on)");
            LoopbackServer.askOnce(group, new BlockingHandler());
            await(blockingCall, "io.loopguard.BlockingCall event");
            await(stall, "io.loopguard.Stall event of the handler's task, ended");
            System.out.println("RESULT " + loop);
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no " + what + " in " + WAIT_SECONDS + " s");
        }
    }

    /**
     * Polls a queue nobody fills: a blocking call that lasts at least its timeout on every JDK, counted from
     * inside the probed method (ConditionObject.awaitNanos).
     */
    static void waitForNobody() throws InterruptedException {
        new LinkedBlockingQueue<String>().poll(BLOCK_MILLIS, TimeUnit.MILLISECONDS);
    }

    static void burnCpu(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long sink = 0;
        while (System.nanoTime() < end) {
            sink += Long.numberOfTrailingZeros(sink + end);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    @ChannelHandler.Sharable
    private static final class BlockingHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
            ((ByteBuf) message).release();
            waitForNobody();
            burnCpu(Duration.ofMillis(BURN_MILLIS));
            ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {'!'}));
        }
    }
}
