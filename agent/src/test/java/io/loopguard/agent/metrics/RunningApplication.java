package io.loopguard.agent.metrics;

import static org.junit.jupiter.api.Assertions.fail;

import io.loopguard.scenarios.BlockingCallsOnManyLoops;
import io.loopguard.testkit.ForkedJvm;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A forked {@link BlockingCallsOnManyLoops} that stays alive after its blocking calls, so that its
 * metrics can be read while it runs; {@link #stop()} lets it exit and returns what it did.
 */
final class RunningApplication {
    private final Path dir;
    private final CompletableFuture<ForkedJvm.Run> run;

    private RunningApplication(Path dir, CompletableFuture<ForkedJvm.Run> run) {
        this.dir = dir;
        this.run = run;
    }

    /** Starts the application and returns once it has made all its blocking calls. */
    static RunningApplication start(ForkedJvm jvm, int loops, int calls) throws IOException, InterruptedException {
        return start(jvm, loops, calls, 0);
    }

    /** @param stallMillis after the calls, one task that keeps a loop busy this long (0: none) */
    static RunningApplication start(ForkedJvm jvm, int loops, int calls, long stallMillis)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("loopguard-metrics-");
        RunningApplication app = new RunningApplication(dir, CompletableFuture.supplyAsync(() -> jvm.run(
                BlockingCallsOnManyLoops.class, "" + loops, "" + calls, dir.toString(), "" + stallMillis)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(dir.resolve("done"))) {
            if (app.run.isDone()) {
                fail("the application ended before making its blocking calls\n" + app.run.join());
            }
            if (System.nanoTime() > deadline) {
                fail("the application did not make its blocking calls within 90 s");
            }
            Thread.sleep(50);
        }
        return app;
    }

    ForkedJvm.Run stop() throws IOException {
        Files.createFile(dir.resolve("stop"));
        return run.join().assertSucceeded();
    }

    /** A TCP port that was free a moment ago, for a server the test starts. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
