package io.loopguard.demo.load;

import io.loopguard.demo.client.NettyHttpClient;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Seed 003's experiment: send a few requests for the same slow call at the same moment and note when each
 * one completes. Served together they all finish after about one call; served one after another the
 * last one finishes after all of them.
 */
public final class ConcurrentCallsExperiment {

    /** When each request completed (milliseconds after they were all sent, in order), and the total. */
    public record Result(String mode, Duration callTime, List<Long> completedMillis, long totalMillis, int failures) { }

    private ConcurrentCallsExperiment() {
    }

    public static Result run(NettyHttpClient client, InetSocketAddress server, String mode, int requests,
                             Duration callTime, Duration timeout) {
        // One quick call first: the first request pays for class loading and connection set-up, not for the mode.
        client.get(server, "/" + mode + "/work?ms=1", timeout).handle((response, failure) -> response).join();
        // Served one after another, the last one waits for all the others: that is the finding, not a timeout.
        Duration patience = timeout.compareTo(callTime.multipliedBy(requests + 2)) > 0 ? timeout : callTime.multipliedBy(requests + 2);
        List<Long> completed = new ArrayList<>();
        List<CompletableFuture<?>> all = new ArrayList<>();
        int[] failures = {0};
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            all.add(client.get(server, "/" + mode + "/work?ms=" + callTime.toMillis(), patience)
                    .whenComplete((response, failure) -> {
                        long millis = (System.nanoTime() - start) / 1_000_000;
                        synchronized (completed) {
                            completed.add(millis);
                            if (failure != null || response.status() != 200) {
                                failures[0]++;
                            }
                        }
                    }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).handle((done, failure) -> done).join();
        long total = (System.nanoTime() - start) / 1_000_000;
        synchronized (completed) {
            completed.sort(null);
            return new Result(mode, callTime, List.copyOf(completed), total, failures[0]);
        }
    }
}
