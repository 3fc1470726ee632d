package io.loopguard.demo.load;

import io.loopguard.demo.backend.WorkerPool;
import io.loopguard.demo.client.NettyHttpClient;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Sends requests to one mode at a fixed rate whatever the answers do (an open loop, like real users), and
 * probes {@code /health} alongside, as a load balancer would. Shows its progress once a second.
 */
public final class OpenLoopRun {
    private static final long RECOVERED_HEALTH_MILLIS = 100;

    private final NettyHttpClient client;
    private final InetSocketAddress server;
    private final PrintStream progress;
    private final boolean interactive = System.console() != null;

    public OpenLoopRun(NettyHttpClient client, InetSocketAddress server, PrintStream progress) {
        this.client = client;
        this.server = server;
        this.progress = progress;
    }

    public LoadResult run(String mode, Duration workTime, int rate, int healthRate, Duration duration, Duration timeout)
            throws InterruptedException {
        waitUntilTheServerHasRecovered(timeout);
        Tally work = new Tally();
        Tally health = new Tally();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(WorkerPool.daemonThreads("load-clock-"));
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        String path = "/" + mode + "/work?ms=" + workTime.toMillis();
        List<ScheduledFuture<?>> senders = new ArrayList<>();
        senders.add(sendEvery(clock, start, end, rate, path, work, timeout, pending));
        if (healthRate > 0) {
            senders.add(sendEvery(clock, start, end, healthRate, "/health", health, timeout, pending));
        }
        long deadline = end + timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
        int shown = 0;
        while (System.nanoTime() < deadline && !(System.nanoTime() > end && allDone(pending))) {
            Thread.sleep(200);
            int elapsed = (int) ((System.nanoTime() - start) / 1_000_000_000L);
            // On a terminal the progress line is redrawn each second; in a log, a line every five seconds.
            if (elapsed > shown && (interactive || elapsed % 5 == 0)) {
                shown = elapsed;
                showProgress(mode, elapsed, duration, work, health);
            }
        }
        senders.forEach(sender -> sender.cancel(false));
        clock.shutdownNow();
        if (interactive) {
            progress.println();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        synchronized (work) {
            synchronized (health) {
                return new LoadResult(mode, rate, seconds, work.sent, work.answered, work.unavailable, work.errors,
                        work.latency.copy(), health.latency.copy(), timeline(work, health));
            }
        }
    }

    /**
     * A blocked loop still works through requests its clients gave up on; the next run must not pay for them.
     * Waits (at most {@code longest}) until /health answers quickly again.
     */
    private void waitUntilTheServerHasRecovered(Duration longest) throws InterruptedException {
        long deadline = System.nanoTime() + longest.toNanos() * 3;
        boolean told = false;
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            boolean answered = client.get(server, "/health", longest).handle((response, failure) -> failure == null).join();
            if (answered && System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(RECOVERED_HEALTH_MILLIS)) {
                return;
            }
            if (!told) {
                progress.println("  (waiting for the server to work through the requests its clients gave up on)");
                told = true;
            }
            Thread.sleep(200);
        }
    }

    private ScheduledFuture<?> sendEvery(ScheduledExecutorService clock, long start, long end, int perSecond,
                                         String path, Tally tally, Duration timeout, List<CompletableFuture<?>> pending) {
        long period = 1_000_000_000L / perSecond;
        long[] next = {0};
        return clock.scheduleAtFixedRate(() -> {
            // Every request due by now is sent, each timed from when it was due: a late clock hides nothing.
            long now = System.nanoTime();
            while (start + next[0] * period <= Math.min(now, end - 1)) {
                long due = start + next[0]++ * period;
                CompletableFuture<?> answer = client.get(server, path, timeout)
                        .whenComplete((response, failure) -> tally.record(due, start,
                                failure != null ? -1 : response.status()));
                synchronized (pending) {
                    pending.add(answer);
                }
                tally.sent();
            }
        }, 0, Math.max(1, period / 2), TimeUnit.NANOSECONDS);
    }

    private static boolean allDone(List<CompletableFuture<?>> pending) {
        synchronized (pending) {
            return pending.stream().allMatch(CompletableFuture::isDone);
        }
    }

    private void showProgress(String mode, int elapsed, Duration duration, Tally work, Tally health) {
        String phase = elapsed <= duration.toSeconds() ? "sending" : "waiting for the last answers";
        synchronized (work) {
            synchronized (health) {
                progress.printf((interactive ? "\r" : "") + "  %-8s %3ds  %-28s sent %5d  answered %5d  503 %4d  errors %4d  max latency %7.0f ms  /health max %7.0f ms",
                        mode, elapsed, phase, work.sent, work.answered, work.unavailable, work.errors,
                        work.latency.getMaxValue() / 1000.0, health.latency.getMaxValue() / 1000.0);
                if (!interactive) {
                    progress.println();
                }
            }
        }
        progress.flush();
    }

    private static List<LoadResult.Second> timeline(Tally work, Tally health) {
        List<LoadResult.Second> seconds = new ArrayList<>();
        for (int second = 0; second < Math.max(work.bySecond.size(), health.bySecond.size()); second++) {
            Histogram w = second < work.bySecond.size() ? work.bySecond.get(second) : new Histogram(3);
            Histogram h = second < health.bySecond.size() ? health.bySecond.get(second) : new Histogram(3);
            seconds.add(new LoadResult.Second(second, w.getValueAtPercentile(50) / 1000.0, w.getMaxValue() / 1000.0,
                    h.getMaxValue() / 1000.0));
        }
        return seconds;
    }

    /** Counts and latencies of one kind of request; written from the client's event loops, read by the clock. */
    private static final class Tally {
        long sent;
        long answered;
        long unavailable;
        long errors;
        final Histogram latency = new Histogram(3);
        final List<Histogram> bySecond = new ArrayList<>();

        synchronized void sent() {
            sent++;
        }

        /** {@code status} -1: no answer (timeout, connection refused or reset). */
        synchronized void record(long due, long start, int status) {
            long micros = Math.max(0, (System.nanoTime() - due) / 1000);
            if (status == 200) {
                answered++;
                latency.recordValue(micros);
                int second = (int) ((due - start) / 1_000_000_000L);
                while (bySecond.size() <= second) {
                    bySecond.add(new Histogram(3));
                }
                bySecond.get(second).recordValue(micros);
            } else if (status == 503) {
                unavailable++;
            } else {
                errors++;
            }
        }
    }
}
