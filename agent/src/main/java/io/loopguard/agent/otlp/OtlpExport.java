package io.loopguard.agent.otlp;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.metrics.LoopguardMeters;
import io.loopguard.agent.metrics.MeterSeries;
import io.loopguard.agent.metrics.MeterStore;
import io.loopguard.agent.common.AgentThread;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Sends meters and findings to an OpenTelemetry collector over OTLP/HTTP, on a thread of its own: the
 * application never waits for the collector, not even at start-up (Micrometer's OTLP registry and the protobuf
 * classes load on this thread). A collector that is down, slow or overloaded is retried with {@link Backoff};
 * meanwhile at most {@link #QUEUE_CAPACITY} findings wait. What is given up is counted in
 * {@code loopguard.export.dropped}, and said once on stderr.
 */
public final class OtlpExport {
    static final int QUEUE_CAPACITY = 512;
    private static final int BATCH = 128;
    private static final int TIMEOUT_MILLIS = 5_000;
    /** How long the JVM's exit may wait for the last push, within the exit hook's few seconds. */
    private static final long EXIT_MILLIS = 2_000;

    private final OtlpSettings settings;
    private final Consumer<String> problems;
    private final MeterSeries droppedFindings;
    private final MeterSeries droppedPushes;
    private final ArrayBlockingQueue<Detection> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread = new AgentThread("loopguard-otlp", this::run);
    private final Backoff backoff = new Backoff(() -> ThreadLocalRandom.current().nextDouble());
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicBoolean saidUnreachable = new AtomicBoolean();
    private final AtomicBoolean saidGivenUp = new AtomicBoolean();
    private volatile boolean finishing;
    /** At exit, the {@code nanoTime} by which the last push must be done; 0 while running. */
    private long exitDeadline;

    // Only the export thread touches these.
    private final List<Detection> batch = new ArrayList<>(BATCH);
    private byte[] pendingMetrics;
    private FindingLogRecords logRecords;

    public OtlpExport(OtlpSettings settings, MeterStore meters, Consumer<String> problems) {
        this.settings = settings;
        this.problems = problems;
        // Created up front so that dashboards show 0 rather than no data.
        this.droppedFindings = meters.series(LoopguardMeters.EXPORT_DROPPED, "logs");
        this.droppedPushes = meters.series(LoopguardMeters.EXPORT_DROPPED, "metrics");
    }

    /** Starts the export thread; call it once the meters can be bound ({@code MeterExport} started). */
    public void start() {
        thread.start();
    }

    /**
     * Queues a finding to be sent as a log record, if findings are exported. Never blocks; beyond the queue's
     * capacity it is given up.
     */
    void offer(Detection finding) {
        if (settings.logsUrl() == null) {
            return;
        }
        if (queue.offer(finding)) {
            LockSupport.unpark(thread);
        } else {
            giveUp(droppedFindings, 1, "the queue of " + QUEUE_CAPACITY + " findings waiting for the collector is full");
        }
    }

    /** The JVM is exiting: one last push of meters and findings, waiting for it at most {@value #EXIT_MILLIS} ms. */
    public void finish() {
        finishing = true;
        LockSupport.unpark(thread);
        try {
            if (!finished.await(EXIT_MILLIS, TimeUnit.MILLISECONDS) && saidGivenUp.compareAndSet(false, true)) {
                problems.accept("gave up exporting the last meters and findings over OTLP: the collector did not"
                        + " take them within " + EXIT_MILLIS + " ms of exit (" + describeCollector() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Map<String, String> resource = ServiceResource.complete(settings.resource());
        logRecords = settings.logsUrl() != null ? new FindingLogRecords(resource) : null;
        OtlpMeters meters = settings.metricsUrl() != null ? meters(resource) : null;
        long step = settings.step().toNanos();
        long nextPush = System.nanoTime() + step;
        long retryAt = System.nanoTime();
        while (!finishing) {
            long now = System.nanoTime();
            if (now - nextPush >= 0) {
                if (meters != null) {
                    pendingMetrics = request(meters); // replaces one not sent: cumulative, the newest has every count
                }
                nextPush = Math.max(nextPush + step, now);
            }
            if (now - retryAt >= 0) {
                if (sendAll()) {
                    backoff.reset();
                    retryAt = now;
                } else {
                    retryAt = System.nanoTime() + backoff.next().toNanos();
                }
            }
            long wake = retryAt - now > 0 && retryAt - nextPush < 0 ? retryAt : nextPush;
            LockSupport.parkNanos(this, Math.max(wake - System.nanoTime(), 0));
        }
        exitDeadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(EXIT_MILLIS * 3 / 4);
        if (meters != null) {
            pendingMetrics = request(meters);
        }
        sendAll();
        int unsent = queue.size() + batch.size();
        if (pendingMetrics != null) {
            giveUp(droppedPushes, 1, "the collector had not taken the last meters at exit (" + describeCollector() + ")");
        }
        if (unsent > 0) {
            giveUp(droppedFindings, unsent, "the collector had not taken them at exit (" + describeCollector() + ")");
        }
        finished.countDown();
    }

    private OtlpMeters meters(Map<String, String> resource) {
        try {
            return OtlpMeters.create(settings, resource);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            problems.accept("cannot export meters over OTLP (" + e + "); findings are still exported, if configured");
            return null;
        }
    }

    private byte[] request(OtlpMeters meters) {
        try {
            return meters.request();
        } catch (ReflectiveOperationException | RuntimeException e) {
            giveUp(droppedPushes, 1, "Micrometer could not write the meters (" + e + ")");
            return null;
        }
    }

    /** Sends what waits; returns {@code false} if the collector should be tried again later. */
    private boolean sendAll() {
        boolean metricsDone = pendingMetrics == null || send(settings.metricsUrl(), settings.metricsHeaders(),
                pendingMetrics, 1, droppedPushes);
        if (metricsDone) {
            pendingMetrics = null;
        }
        while (logRecords != null) {
            if (batch.isEmpty() && queue.drainTo(batch, BATCH) == 0) {
                return metricsDone;
            }
            if (!send(settings.logsUrl(), settings.logsHeaders(), logRecords.request(batch), batch.size(),
                    droppedFindings)) {
                return false;
            }
            batch.clear();
        }
        return metricsDone;
    }

    /** Posts one request. Returns {@code false} to keep it for a retry; {@code true} once it is sent or refused. */
    private boolean send(String url, Map<String, String> headers, byte[] body, int items, MeterSeries dropped) {
        int timeout = exitDeadline == 0 ? TIMEOUT_MILLIS
                : (int) Math.max(TimeUnit.NANOSECONDS.toMillis(exitDeadline - System.nanoTime()), 1);
        OtlpHttp.Outcome outcome = OtlpHttp.post(url, headers, body, timeout);
        switch (outcome.result()) {
            case SENT -> {
                return true;
            }
            case REFUSED -> {
                giveUp(dropped, items, "the collector refused them: " + outcome.problem());
                return true;
            }
            default -> {
                if (!finishing && saidUnreachable.compareAndSet(false, true)) {
                    problems.accept("cannot export to the OTLP collector (" + outcome.problem() + "); retrying with"
                            + " backoff up to every " + Backoff.LONGEST.toSeconds() + " s, keeping up to "
                            + QUEUE_CAPACITY + " findings meanwhile (said once)");
                }
                return false;
            }
        }
    }

    private void giveUp(MeterSeries dropped, long count, String why) {
        dropped.add(count);
        if (saidGivenUp.compareAndSet(false, true)) {
            problems.accept("gave up exporting " + count + (dropped == droppedPushes ? " meter push" : " finding")
                    + (count == 1 ? "" : "s") + " over OTLP: " + why + "; from now on what is given up is only"
                    + " counted, in loopguard.export.dropped");
        }
    }

    private String describeCollector() {
        return settings.logsUrl() != null ? settings.logsUrl() : settings.metricsUrl();
    }
}
