package io.loopguard.agent.report;

import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.detect.Detection;
import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The one thread that does the agent's I/O: it drains the {@link DetectionQueue} into the reporters,
 * and when stopped (at JVM exit) drains it once more and closes them.
 */
public final class ReportingThread {
    /**
     * How long it sleeps with nothing to do: a submit wakes it, so this only bounds the cost of a lost
     * wake-up, and each wake-up takes a CPU from a busy loop now and then on a small machine.
     */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long EXIT_WAIT_MILLIS = 3_000;
    private static final long FLUSH_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final DetectionQueue queue;
    private final List<Reporter> reporters;
    private final BlockingCallStalls blockingCallStalls = new BlockingCallStalls();
    private final Thread thread;
    private final AtomicLong submitted = new AtomicLong();
    /** How many submitted detections were delivered (or counted as dropped); written by this thread only. */
    private volatile long delivered;
    private final List<Runnable> atStart = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    /** Set while this thread parks with nothing to do, so that only then does a submit pay for waking it. */
    private volatile boolean idle;

    public ReportingThread(DetectionQueue queue, List<Reporter> reporters) {
        this.queue = queue;
        this.reporters = reporters;
        this.thread = new AgentThread("loopguard-reporter", this::run);
    }

    public void start() {
        thread.start();
    }

    /** Runs {@code first} on this thread as it starts, before {@link #start} returns or not: work kept off the start path. */
    public void atStart(Runnable first) {
        atStart.add(first);
    }

    /** Hands a detection to this thread. Never blocks: safe on any thread. */
    public void submit(Detection detection) {
        submit(() -> detection);
    }

    /**
     * Hands over a detection that this thread completes ({@link Supplier#get}) as it takes it. Never blocks.
     *
     * @return {@code false} if the queue was full: the detection is counted as dropped and never completed
     */
    public boolean submit(Supplier<Detection> detection) {
        submitted.incrementAndGet();
        boolean queued = queue.offer(detection);
        if (idle) {
            LockSupport.unpark(thread);
        }
        return queued;
    }

    /**
     * Waits until every detection submitted before this call was delivered to the reporters, so that a
     * caller can tell which detections happened before a point in time (the JUnit extension: a test's end).
     *
     * @return {@code false} if that took longer than {@code timeoutMillis}, or was asked of this thread itself
     */
    public boolean flush(long timeoutMillis) {
        long target = submitted.get();
        if (delivered >= target) {
            return true;
        }
        if (Thread.currentThread() == thread) {
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        ThreadState state = Probe.allow(); // the wait is the agent's own, even on a thread that must not block
        try {
            while (delivered < target) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                LockSupport.unpark(thread);
                LockSupport.parkNanos(FLUSH_POLL_NANOS);
            }
            return true;
        } finally {
            Probe.disallow(state);
        }
    }

    private void run() {
        reporters.forEach(Reporter::start);
        atStart.forEach(Runnable::run);
        while (!stopping) {
            if (!drain()) {
                idle = true;
                if (queue.isEmpty()) { // a detection offered before idle was set did not wake this thread
                    LockSupport.parkNanos(this, IDLE_NANOS);
                }
                idle = false;
            }
        }
        drain();
        reporters.forEach(Reporter::close);
    }

    /** Returns whether there was anything to report. */
    private boolean drain() {
        long taken = 0;
        for (Supplier<Detection> next = queue.poll(); next != null; next = queue.poll()) {
            taken++;
            Detection detection = next.get(); // null: on a closer look, nothing to report
            if (detection != null) {
                detection = blockingCallStalls.link(detection);
                for (Reporter reporter : reporters) {
                    reporter.report(detection);
                }
            }
        }
        long dropped = queue.takeDropped();
        if (dropped > 0) {
            reporters.forEach(reporter -> reporter.dropped(dropped));
        }
        if (taken + dropped == 0) {
            return false;
        }
        reporters.forEach(Reporter::flush);
        delivered += taken + dropped; // only now is it in the events file, for flush(timeout)'s callers
        return true;
    }

    /** Delivers what was submitted, closes the reporters and stops; waits for that a few seconds at most. */
    public void stop() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(EXIT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
