package io.loopguard.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A forked JVM that runs a scenario in phases ({@code DetectionsInPhases}): the test waits for each phase
 * to end, changes something (fills the disk, deletes a directory), and lets the next phase start.
 */
public final class Phases {
    private final Path dir;
    private final CompletableFuture<ForkedJvm.Run> run;

    private Phases(Path dir, CompletableFuture<ForkedJvm.Run> run) {
        this.dir = dir;
        this.run = run;
    }

    /** Starts {@code mainClass} with the marker directory as its first argument, then {@code args}. */
    public static Phases start(ForkedJvm jvm, Class<?> mainClass, String... args) throws IOException {
        Path dir = Files.createTempDirectory("loopguard-phases-");
        String[] all = new String[args.length + 1];
        all[0] = dir.toString();
        System.arraycopy(args, 0, all, 1, args.length);
        return new Phases(dir, CompletableFuture.supplyAsync(() -> jvm.run(mainClass, all)));
    }

    /** Waits until phase {@code phase} ended: its detections are in the events file (or counted as lost). */
    public void awaitEndOf(int phase) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(dir.resolve("phase-" + phase))) {
            if (run.isDone()) {
                fail("the application ended before phase " + phase + " did\n" + run.join());
            }
            if (System.nanoTime() > deadline) {
                fail("phase " + phase + " did not end within 120 s");
            }
            Thread.sleep(20);
        }
    }

    /** Lets the phase after {@code phase} start. */
    public void startNextAfter(int phase) throws IOException {
        Files.createFile(dir.resolve("go-" + phase));
    }

    public ForkedJvm.Run finish() {
        return run.join();
    }
}
