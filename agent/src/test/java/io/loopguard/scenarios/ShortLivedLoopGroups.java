package io.loopguard.scenarios;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Creates and closes event-loop groups one after another, as an application that makes one per client or
 * per test does, each with its own thread names ({@code clientaa-*}, {@code clientba-*}, ...). The last one
 * stays open until the test has looked: {@code <dir>/phase-1}, then, after {@code <dir>/go-1}, it is
 * closed too: {@code <dir>/phase-2}; the application exits after {@code <dir>/go-2}.
 *
 * <p>Usage: {@code ShortLivedLoopGroups <dir> <groups>}.
 */
public final class ShortLivedLoopGroups {
    /** How long each group runs: long enough for the watchdog to measure its delay (it probes every 10 ms). */
    private static final long RUN_MILLIS = 300;

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int groups = Integer.parseInt(args[1]);
        MultiThreadIoEventLoopGroup group = null;
        for (int i = 0; i < groups; i++) {
            if (group != null) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
            }
            group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(poolName(i)), NioIoHandler.newFactory());
            group.submit(() -> { }).sync();
            Thread.sleep(RUN_MILLIS);
        }
        System.out.println("RESULT last group open: " + poolName(groups - 1));
        Files.createFile(dir.resolve("phase-1"));
        await(dir.resolve("go-1"));
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        Files.createFile(dir.resolve("phase-2"));
        await(dir.resolve("go-2"));
    }

    /** {@code clientaa}, {@code clientba}, ...: letters only, so that each group is a thread group of its own. */
    public static String poolName(int i) {
        return "client" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26);
    }

    private static void await(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
