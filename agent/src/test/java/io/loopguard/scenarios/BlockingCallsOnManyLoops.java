package io.loopguard.scenarios;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes {@code calls} blocking calls ({@code LockSupport.parkNanos}) on each of {@code loops} Netty event
 * loops at the same time, then creates {@code <dir>/done} and stays alive, its loops running, until
 * {@code <dir>/stop} appears (at most a minute), so that a test can read the metrics of a running application.
 *
 * <p>Usage: {@code BlockingCallsOnManyLoops <loops> <calls> <dir>}.
 */
public final class BlockingCallsOnManyLoops {

    public static void main(String[] args) throws Exception {
        int loops = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        Path dir = Path.of(args[2]);
        long stallMillis = args.length > 3 ? Long.parseLong(args[3]) : 0;
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, NioIoHandler.newFactory());
        onEveryLoop(group, calls, stallMillis);
        System.out.println("RESULT " + loops + " loops made " + calls + " blocking calls each");
        Files.createFile(dir.resolve("done"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(dir.resolve("stop")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
    }

    /**
     * Makes {@code calls} blocking calls on each of {@code loops} new event loops at once, then (if
     * {@code stallMillis} is above zero) keeps one loop busy that long in one task; returns when all is done.
     */
    public static void onEveryLoop(int loops, int calls, long stallMillis) throws Exception {
        MultiThreadIoEventLoopGroup group = new MultiThreadIoEventLoopGroup(loops, NioIoHandler.newFactory());
        onEveryLoop(group, calls, stallMillis);
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
    }

    private static void onEveryLoop(MultiThreadIoEventLoopGroup group, int calls, long stallMillis) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (EventExecutor loop : group) {
            running.add(loop.submit(() -> {
                for (int i = 0; i < calls; i++) {
                    Blockers.run("parkNanos");
                }
                return null;
            }));
        }
        for (Future<?> loop : running) {
            loop.get(60, TimeUnit.SECONDS);
        }
        if (stallMillis > 0) {
            group.next().submit(() -> StallsOnEventLoop.burnCpu(stallMillis)).get(60, TimeUnit.SECONDS);
            Thread.sleep(500); // the loops run on, as a service's would, while the watchdog measures them
        }
    }
}
