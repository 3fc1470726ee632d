package io.loopguard.demo.load;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one open-loop run against one mode measured. Latencies are in microseconds, counted from the
 * moment each request was due to be sent, so a server that stalls cannot hide its queue.
 */
public record LoadResult(
        String mode,
        int rate,
        double seconds,
        long sent,
        long answered,
        long unavailable,
        long errors,
        Histogram latency,
        Histogram health,
        List<Second> timeline) {

    /** The requests that were due in one second of the run: their latency, and /health's. */
    public record Second(int second, double p50Millis, double maxMillis, double healthMaxMillis) { }

    /** Successful answers per second, over the whole run including the wait for the last answers. */
    public double throughput() {
        return seconds == 0 ? 0 : answered / seconds;
    }
}
