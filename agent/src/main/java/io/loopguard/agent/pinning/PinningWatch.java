package io.loopguard.agent.pinning;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.metrics.LoopguardMeters;
import io.loopguard.agent.metrics.MeterStore;
import io.loopguard.agent.common.AgentThread;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Reports virtual threads that block while pinned to their carrier thread (JDK 21+), from the JDK's own
 * {@code jdk.VirtualThreadPinned} events, which know every pin and carry its stack. The watch starts when the
 * first virtual thread reaches a probe: a Flight Recorder stream costs a JVM without virtual threads nothing.
 */
public final class PinningWatch {
    private static final int FIRST_JDK = 21;

    private final AtomicBoolean started = new AtomicBoolean();
    private final Consumer<Detection> delivery;
    private final MeterStore meters;
    private final Consumer<String> problems;

    /** @param delivery receives each pinned detection, on the watch's own thread; must not block */
    public PinningWatch(Consumer<Detection> delivery, MeterStore meters, Consumer<String> problems) {
        this.delivery = delivery;
        this.meters = meters;
        this.problems = problems;
    }

    /** A virtual thread reached a probe: starts the watch the first time, on a thread of its own. */
    public void virtualThreadSeen() {
        if (!started.get() && started.compareAndSet(false, true)) {
            new AgentThread("loopguard-pinning", this::watch).start();
        }
    }

    /** What the start-up line says about pinning: nothing where it is watched, once where it cannot be. */
    public String availability() {
        int jdk = Runtime.version().feature();
        return jdk >= FIRST_JDK ? "" : "; pinned virtual threads: not available on JDK " + jdk + " (JDK " + FIRST_JDK
                + "+)";
    }

    private void watch() {
        try {
            PinnedEvents.stream(detection -> {
                meters.series(LoopguardMeters.PINNED, detection.operation()).increment();
                delivery.accept(detection);
            });
        } catch (LinkageError | RuntimeException problem) {
            problems.accept("cannot watch virtual threads for pinning (" + problem + "); pinned virtual threads"
                    + " are not reported");
        }
    }
}
