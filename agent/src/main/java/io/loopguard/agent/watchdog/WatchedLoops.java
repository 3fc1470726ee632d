package io.loopguard.agent.watchdog;

import io.loopguard.agent.common.AgentThread;
import io.loopguard.bootstrap.LoopClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The event loops the watchdog knows, running or recently stopped, and who listens to what it measures. */
final class WatchedLoops implements LoopMonitor {
    private static final int KEPT_STOPPED_LOOPS = 64;

    private final List<WatchedLoop> loops = new CopyOnWriteArrayList<>();
    private final List<StallListener> stallListeners = new CopyOnWriteArrayList<>();
    private final List<DelayListener> delayListeners = new CopyOnWriteArrayList<>();

    @Override
    public List<LoopStats> loops() {
        long now = System.nanoTime();
        return loops.stream().map(loop -> loop.stats(now)).toList();
    }

    @Override
    public void addStallListener(StallListener listener) {
        stallListeners.add(listener);
    }

    @Override
    public void addDelayListener(DelayListener listener) {
        delayListeners.add(listener);
    }

    /** Every loop, oldest first; a snapshot that later changes do not disturb. */
    List<WatchedLoop> all() {
        return loops;
    }

    /** A thread-safe list, told about every stall that ended. */
    List<StallListener> stallListeners() {
        return stallListeners;
    }

    /** Starts watching the loops whose run method began since the last call; the agent's own are not watched. */
    void addStarted(long now) {
        for (LoopClock clock = LoopClock.pollStarted(); clock != null; clock = LoopClock.pollStarted()) {
            if (!(clock.thread() instanceof AgentThread)) {
                String name = clock.thread().getName();
                loops.add(new WatchedLoop(clock, now, delay -> delayListeners.forEach(l -> l.delayed(name, delay))));
            }
        }
    }

    /** Keeps the most recently stopped loops only, so that a JVM that starts many does not keep them all. */
    void forgetOldStopped() {
        List<WatchedLoop> stopped = loops.stream().filter(loop -> loop.clock.stopped()).toList();
        for (int i = 0; i < stopped.size() - KEPT_STOPPED_LOOPS; i++) {
            loops.remove(stopped.get(i));
        }
    }
}
