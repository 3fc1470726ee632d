package io.loopguard.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Loopguard's start-up line in a child JVM's stderr: printed once its self-test is done, which may be after the program is ready. */
public final class AgentLine {
    private static final long WAIT_SECONDS = 30;

    private AgentLine() {
    }

    /** Whether the line shows up in {@code log} within 30 seconds. */
    public static boolean awaitIn(Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.readString(log).contains("loopguard: active")) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        return true;
    }
}
