package io.loopguard.agent.watchdog;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** At exit, one stderr line per event loop: its delay percentiles, how busy it was, its stalls. */
public final class LoopSummary {
    private static final int SHOWN_LOOPS = 20;

    private final LoopMonitor monitor;
    private final PrintStream err;

    public LoopSummary(LoopMonitor monitor, PrintStream err) {
        this.monitor = monitor;
        this.err = err;
    }

    /** Prints the summary; nothing when no event loop ran. */
    public void print() {
        String text = text();
        if (!text.isEmpty()) {
            err.println(text);
        }
    }

    /** One line per event loop; empty when no event loop ran. */
    public String text() {
        List<LoopStats> loops = monitor.loops();
        StringBuilder text = new StringBuilder();
        for (LoopStats loop : loops.subList(0, Math.min(loops.size(), SHOWN_LOOPS))) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("loopguard: event loop \"").append(loop.thread()).append("\": ").append(delay(loop))
                    .append(String.format(Locale.ROOT, "; busy %.1f%% (last second %.1f%%); %d %s, %s in all",
                            100 * loop.totalUtilization(), 100 * loop.utilization(), loop.stalls(),
                            loop.stalls() == 1 ? "stall" : "stalls", millis(loop.stallNanos())));
        }
        if (loops.size() > SHOWN_LOOPS) {
            text.append("\nloopguard: ... and ").append(loops.size() - SHOWN_LOOPS).append(" more event loops");
        }
        return text.toString();
    }

    private static String delay(LoopStats loop) {
        if (loop.delaySamples() == 0) {
            return "delay not measured (no probe task ran on it)";
        }
        return "delay p50 " + millis(loop.delayP50Nanos()) + ", p99 " + millis(loop.delayP99Nanos()) + ", max "
                + millis(loop.delayMaxNanos()) + " (" + loop.delaySamples() + " probes)";
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
}
