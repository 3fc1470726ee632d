package io.loopguard.demo.show;

import io.loopguard.demo.load.ConcurrentCallsExperiment;
import io.loopguard.demo.load.LoadResult;
import java.io.PrintStream;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** The plain-text tables the demo prints. */
public final class Tables {

    private Tables() {
    }

    public static void experiment(PrintStream out, List<ConcurrentCallsExperiment.Result> results) {
        if (results.isEmpty()) {
            return;
        }
        ConcurrentCallsExperiment.Result first = results.get(0);
        out.printf("%n%d requests sent at once, each for a %.1f s call of the slow backend (seed 003):%n%n",
                first.completedMillis().size(), first.callTime().toMillis() / 1000.0);
        out.printf("  %-9s  %-40s  %8s  %s%n", "mode", "each request completed after (s)", "total", "");
        for (ConcurrentCallsExperiment.Result result : results) {
            String each = result.completedMillis().stream().map(ms -> String.format("%.1f", ms / 1000.0))
                    .collect(Collectors.joining("  "));
            String verdict = verdict(result.completedMillis(), result.callTime().toMillis());
            out.printf("  %-9s  %-40s  %6.1f s  %s%s%n", "/" + result.mode(), each, result.totalMillis() / 1000.0, verdict,
                    result.failures() > 0 ? "  (" + result.failures() + " failed)" : "");
        }
    }

    /**
     * How the requests were served, from how many calls' time lies between the first answer and the last: one
     * after another, each waits a whole call for the one before it; together, they differ by the machine's noise.
     */
    private static String verdict(List<Long> completedMillis, long callMillis) {
        if (completedMillis.size() < 2) {
            return "";
        }
        double apart = (Collections.max(completedMillis) - Collections.min(completedMillis)) / (double) callMillis;
        return apart >= completedMillis.size() - 1.5 ? "one after another" : apart < 1 ? "all together" : "partly together";
    }

    public static void load(PrintStream out, List<LoadResult> results) {
        if (results.isEmpty()) {
            return;
        }
        out.printf("%nOpen-loop load: %d requests/s to each mode, /health probed alongside:%n%n", results.get(0).rate());
        out.printf("  %-9s  %8s  %9s  %9s  %9s  %11s  %6s  %6s%n",
                "mode", "answered", "p50", "p99", "max", "/health p99", "503s", "errors");
        for (LoadResult result : results) {
            out.printf("  %-9s  %6.1f/s  %9s  %9s  %9s  %11s  %6d  %6d%n", "/" + result.mode(), result.throughput(),
                    millis(result.latency().getValueAtPercentile(50)), millis(result.latency().getValueAtPercentile(99)),
                    millis(result.latency().getMaxValue()), millis(result.health().getValueAtPercentile(99)),
                    result.unavailable(), result.errors());
        }
        out.println();
        for (LoadResult result : results) {
            out.printf("  %-9s  latency of the requests due in each second (p50 ms): %s%n", "/" + result.mode(),
                    result.timeline().stream().map(s -> String.format("%.0f", s.p50Millis())).collect(Collectors.joining(" ")));
        }
    }

    static String millis(long micros) {
        return micros >= 10_000_000 ? String.format("%.1f s", micros / 1e6) : String.format("%.1f ms", micros / 1000.0);
    }
}
