package io.loopguard.scenarios;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * On a Netty event loop: {@code CompletableFuture.join} and {@code LinkedBlockingQueue.take}, which the JDK
 * makes wait in internal methods. Then reads its own Prometheus endpoint and prints each series of the
 * blocking-calls counter: {@code METRIC <series> <value>}.
 *
 * <p>Usage: {@code MetersNamePublicCalls <metrics port>}.
 */
public final class MetersNamePublicCalls {

    public static void main(String[] args) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            group.submit(() -> {
                Blockers.run("completableFutureJoin");
                Blockers.run("blockingQueueTake");
                return null;
            }).get(60, TimeUnit.SECONDS);
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
        AgentFlush.await();
        printCounter(Integer.parseInt(args[0]));
    }

    /** Every series of the counter, once the exporter has them (within half a second of their first count). */
    private static void printCounter(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String body;
            try (InputStream in = URI.create("http://127.0.0.1:" + port + "/metrics").toURL().openStream()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            long series = body.lines().filter(line -> line.startsWith("loopguard_blocking_calls_total{")).count();
            if (series >= 2 || System.nanoTime() > deadline) {
                body.lines().filter(line -> line.startsWith("loopguard_blocking_calls_total{"))
                        .forEach(line -> System.out.println("METRIC " + line));
                return;
            }
            Thread.sleep(100);
        }
    }
}
