package io.loopguard.junit.samples;

import io.loopguard.junit.AllowBlocking;
import io.loopguard.junit.NoBlocking;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Stalls the test's own code causes, with no blocking call: a task that computes on the event loop, and one
 * that waits for a lock another thread holds. Each is measured in what the loop really did (CPU time used,
 * time the lock was held), so a loaded machine makes them longer, never shorter.
 */
@NoBlocking
public class StallSamples extends EventLoopSample {
    /** CPU time, three thresholds: a task that used a whole threshold of CPU is never excused as a pause. */
    static final long SPIN_CPU_MILLIS = 300;
    /** Well past the 100 ms stall threshold, even with half of it excused as a JVM pause. */
    static final long HELD_MILLIS = 600;
    private static final Object LOCK = new Object();

    static void spin() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + SPIN_CPU_MILLIS * 1_000_000;
        long sum = 0;
        while (threads.getCurrentThreadCpuTime() < until) {
            sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
        }
        if (sum == 42) {
            System.out.println("unlikely");
        }
    }

    static void enterLock() {
        synchronized (LOCK) {
            Thread.onSpinWait();
        }
    }

    @Test
    void computesOnTheEventLoop() throws Exception {
        loop.run(StallSamples::spin);
    }

    @Test
    void waitsForALockOnTheEventLoop() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (LOCK) {
                held.countDown();
                long until = System.nanoTime() + HELD_MILLIS * 1_000_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
        }, "lock-holder");
        holder.start();
        held.await();
        loop.run(StallSamples::enterLock);
        holder.join();
    }

    @Test
    @AllowBlocking
    void computesOnTheEventLoopWhereAllowed() throws Exception {
        loop.run(StallSamples::spin);
    }

    @Test
    void computesBriefly() throws Exception {
        loop.run(() -> {
            long until = System.nanoTime() + 5_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
    }
}
