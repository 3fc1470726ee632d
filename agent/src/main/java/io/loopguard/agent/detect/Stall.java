package io.loopguard.agent.detect;

import java.time.Instant;

/**
 * What the watchdog measured about one event-loop task that ran longer than {@code stall-threshold}.
 *
 * @param phase          {@code ongoing} (reported once, as the threshold is crossed) or {@code ended}
 * @param started        when the task started; the same in both reports of one stall
 * @param durationMillis how long the task had run ({@code ongoing}) or took in all ({@code ended})
 * @param hottestFrame   the top application frame seen in most samples, or {@code null} before there are several
 * @param samples        how many stacks were sampled while the task was stuck
 * @param hottestSamples how many of them were at {@code hottestFrame}
 * @param blockedOn      the monitor or {@code java.util.concurrent} lock the thread waited for and who held it, or
 *                       {@code null}
 * @param pause          why the task is not to blame, or {@code null}: {@code gc} or {@code jvm} (a JVM-wide
 *                       pause took the time), {@code cpu} (the thread waited for a CPU: the machine is overloaded)
 * @param pauseMillis    how much of the duration that took
 * @param warmup         whether the task was loading and initialising classes (the application starting): in
 *                       the {@code ongoing} report, in any sample so far; in the {@code ended} one, in most samples
 * @param lockWait       whether the thread waited for a {@code java.util.concurrent} lock in most samples: a wait
 *                       reported as a blocking call when it ends, which this stall then belongs to
 * @param id             a short number, the same in both reports of one stall, that tells stalls apart
 * @param blockingCall   the blocking call the thread was in, already reported ({@code java.lang.Thread.sleep}),
 *                       or {@code null}: then the stall is that call's, not a second problem
 */
public record Stall(String phase, Instant started, long durationMillis, String hottestFrame, int samples,
                    int hottestSamples, String blockedOn, String pause, long pauseMillis, boolean warmup,
                    boolean lockWait, long id, String blockingCall) {

    public static final String ONGOING = "ongoing";
    public static final String ENDED = "ended";

    /** This stall, as the time of the blocking call {@code operation} the thread was in. */
    public Stall inBlockingCall(String operation) {
        return new Stall(phase, started, durationMillis, hottestFrame, samples, hottestSamples, blockedOn, pause,
                pauseMillis, warmup, lockWait, id, operation);
    }
}
