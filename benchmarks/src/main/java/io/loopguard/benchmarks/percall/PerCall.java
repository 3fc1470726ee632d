package io.loopguard.benchmarks.percall;

import io.loopguard.benchmarks.harness.MeasuredIterations;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What one call costs when no detection happens: the same calls, each run in forks with no agent, with
 * Loopguard and with BlockHound (the subclasses). A benchmark whose name ends in {@code OnDesignatedThread}
 * runs on a thread that must not block; the others on a thread that may.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public abstract class PerCall extends MeasuredIterations {
    /** Small enough to stay in the page cache, large enough that rewinding it is rare. */
    private static final int FILE_BYTES = 1 << 16;

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, String> map = new HashMap<>(Map.of("key", "value"));
    private Path path;
    private FileInputStream file;
    private File plainFile;

    @Setup(Level.Trial)
    public void openFile() throws IOException {
        path = Files.createTempFile("loopguard-bench", ".bin");
        Files.write(path, new byte[FILE_BYTES]);
        file = new FileInputStream(path.toFile());
        plainFile = path.toFile();
    }

    @TearDown(Level.Trial)
    public void closeFile() throws IOException {
        file.close();
        Files.delete(path);
    }

    /**
     * A probed blocking call on a thread that may block: the probe's fast path. The thread holds a permit,
     * so {@code parkNanos} takes its whole probed path and returns at once; without one, the kernel's timer
     * makes a 1 ns park last tens of microseconds, give or take microseconds, which would hide nanoseconds.
     */
    @Benchmark
    public void parkNanos() {
        LockSupport.unpark(Thread.currentThread());
        LockSupport.parkNanos(1);
    }

    /**
     * The probe alone, on a thread that may block: {@code parkNanos(0)} is probed on entry and then returns
     * without parking, so what an agent adds to it is its fast path, with no kernel call around it to blur it.
     */
    @Benchmark
    public void probeOnly() {
        LockSupport.parkNanos(0);
    }

    /** A 1-byte read from a small cached file on a thread that may block. */
    @Benchmark
    public int fileRead() throws IOException {
        int read = file.read();
        if (read < 0) {
            file.getChannel().position(0);
            read = file.read();
        }
        return read;
    }

    /** A file-system metadata call (one {@code stat}) on a cached file, on a thread that may block. */
    @Benchmark
    public boolean fileExists() {
        return plainFile.exists();
    }

    /** The same through {@code java.nio.file}, probed at the JDK's {@code stat} call. */
    @Benchmark
    public long filesSize() throws IOException {
        return Files.size(path);
    }

    /** A blocking call inside a method where blocking is accepted, on a thread that must not block (with a permit). */
    @Benchmark
    public void allowedParkNanosOnDesignatedThread() {
        AllowedBlocking.parkNanos();
    }

    /** The probe alone ({@link #probeOnly}) inside a method where blocking is accepted, on a thread that must not block. */
    @Benchmark
    public void allowedProbeOnlyOnDesignatedThread() {
        AllowedBlocking.parkNanos(0);
    }

    /** JDK work in a probed class that does not block (the probe sits on the contended path only). */
    @Benchmark
    public void uncontendedLockOnDesignatedThread() {
        lock.lock();
        lock.unlock();
    }

    /** Code no agent instruments. */
    @Benchmark
    public String uninstrumentedMapGet() {
        return map.get("key");
    }
}
