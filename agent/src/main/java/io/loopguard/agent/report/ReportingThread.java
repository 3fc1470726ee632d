package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.threads.AgentThread;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The one thread that does the agent's I/O: it drains the {@link DetectionQueue} into the reporters,
 * and at JVM exit drains it once more and closes them.
 */
public final class ReportingThread {
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long EXIT_WAIT_MILLIS = 3_000;

    private final DetectionQueue queue;
    private final List<Reporter> reporters;
    private final Thread thread;
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
        Runtime.getRuntime().addShutdownHook(new AgentThread("loopguard-exit", this::stopAndWait));
    }

    /** Hands a detection to this thread. Never blocks: safe on any thread. */
    public void submit(Detection detection) {
        submit(() -> detection);
    }

    /** Hands over a detection that this thread completes ({@link Supplier#get}) as it takes it. Never blocks. */
    public void submit(Supplier<Detection> detection) {
        queue.offer(detection);
        if (idle) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
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
        boolean any = false;
        for (Detection detection = queue.poll(); detection != null; detection = queue.poll()) {
            any = true;
            for (Reporter reporter : reporters) {
                reporter.report(detection);
            }
        }
        long dropped = queue.takeDropped();
        if (dropped > 0) {
            any = true;
            reporters.forEach(reporter -> reporter.dropped(dropped));
        }
        if (any) {
            reporters.forEach(Reporter::flush);
        }
        return any;
    }

    private void stopAndWait() {
        stopping = true;
        LockSupport.unpark(thread);
        try {
            thread.join(EXIT_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
