package io.loopguard.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes blocking calls ({@code LockSupport.park} with a permit, so each returns at once) on a thread named
 * {@code phases-loop}, in phases, so that a test can change the world between them (fill the disk, delete
 * the events file's directory). After each phase it waits until the agent wrote the detections, creates
 * {@code <dir>/phase-<i>}, and waits for the test to create {@code <dir>/go-<i>} (not after the last).
 *
 * <p>Usage: {@code DetectionsInPhases <dir> <calls in phase 1> [<calls in phase 2> ...]}.
 */
public final class DetectionsInPhases {
    public static final String THREAD = "phases-loop";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        for (int phase = 1; phase < args.length; phase++) {
            int calls = Integer.parseInt(args[phase]);
            Thread loop = new Thread(() -> {
                for (int i = 0; i < calls; i++) {
                    LockSupport.unpark(Thread.currentThread());
                    LockSupport.park();
                }
            }, THREAD);
            loop.start();
            loop.join();
            AgentFlush.await();
            Files.createFile(dir.resolve("phase-" + phase));
            System.out.println("RESULT phase " + phase + " made " + calls + " calls");
            if (phase < args.length - 1) {
                awaitFile(dir.resolve("go-" + phase));
            }
        }
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the test did not create " + file + " within 90 s");
            }
            Thread.sleep(20);
        }
    }
}
