package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The hand-off from designated threads to the reporting thread: lock-free, so offering never waits,
 * and bounded, so a flood of detections costs memory only up to {@code capacity}. What does not fit
 * is counted as dropped. A detection may be handed over unfinished, to be completed by the reporting
 * thread as it takes it, so that the designated thread does as little as possible.
 */
public final class DetectionQueue {
    private final ConcurrentLinkedQueue<Supplier<Detection>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final int capacity;

    public DetectionQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Never blocks. Returns {@code false} if the queue was full and the detection was dropped. */
    public boolean offer(Supplier<Detection> detection) {
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
        queue.offer(detection);
        return true;
    }

    /** The next detection to complete, or {@code null} if there is none. */
    Supplier<Detection> poll() {
        Supplier<Detection> detection = queue.poll();
        if (detection != null) {
            size.decrementAndGet();
        }
        return detection;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** How many were dropped since the last call. */
    long takeDropped() {
        return dropped.getAndSet(0);
    }
}
