package io.loopguard.agent.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.LongConsumer;

/**
 * One meter with one set of tag values, e.g. {@code loopguard.blocking.calls{operation=java.lang.Thread.sleep,
 * thread.group=nioEventLoopGroup-*}}. Counters count here, exactly and lock-free; registries read them.
 */
public final class MeterSeries {
    private final MeterSpec spec;
    private final String[] tags;
    private final LongAdder count = new LongAdder();
    private final DoubleSupplier gauge;
    private volatile boolean retired;
    /** Durations on agent threads only, so one small buffer of what was recorded before any registry took it. */
    private static final int UNBOUND_DURATIONS = 4_096;

    /** Each bound registry's timer; a duration is recorded into all of them. */
    private final List<LongConsumer> timers = new CopyOnWriteArrayList<>();
    /** Durations recorded before the first registry bound this series (a new series is bound within a tick). */
    private long[] unbound = new long[16];
    private int unboundCount;

    MeterSeries(MeterSpec spec, String[] tags, DoubleSupplier gauge) {
        this.spec = spec;
        this.tags = tags;
        this.gauge = gauge;
    }

    public MeterSpec spec() {
        return spec;
    }

    /** Tag keys and values, alternating, as Micrometer's {@code tags(String...)} takes them. */
    String[] tags() {
        return tags.clone();
    }

    /** The tag values alone, in the order of the spec's tag keys. */
    String[] tagValues() {
        String[] values = new String[tags.length / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = tags[2 * i + 1];
        }
        return values;
    }

    /** The value of tag {@code key}, or {@code null} if the meter has no such tag. */
    public String tag(String key) {
        for (int i = 0; i < tags.length; i += 2) {
            if (tags[i].equals(key)) {
                return tags[i + 1];
            }
        }
        return null;
    }

    /** Whether the store dropped this series: registries remove it. */
    boolean isRetired() {
        return retired;
    }

    void retire() {
        retired = true;
    }

    /** Counts one. Lock-free: safe on a thread that must never block. */
    public void increment() {
        count.increment();
    }

    public void add(long amount) {
        count.add(amount);
    }

    public double count() {
        return count.sum();
    }

    public double gaugeValue() {
        return gauge == null ? Double.NaN : gauge.getAsDouble();
    }

    /**
     * Records a duration into every registry bound so far, or keeps it for the first one to bind. Call it
     * only from an agent thread.
     */
    public synchronized void record(long nanos) {
        if (timers.isEmpty()) {
            if (unboundCount == unbound.length && unbound.length < UNBOUND_DURATIONS) {
                unbound = Arrays.copyOf(unbound, unbound.length * 2);
            }
            if (unboundCount < unbound.length) {
                unbound[unboundCount++] = nanos;
            }
            return;
        }
        for (LongConsumer timer : timers) {
            timer.accept(nanos);
        }
    }

    /** Binds a registry's timer; the first one also gets what was recorded before it. */
    synchronized void addTimer(LongConsumer timer) {
        if (timers.isEmpty()) {
            for (int i = 0; i < unboundCount; i++) {
                timer.accept(unbound[i]);
            }
            unbound = new long[0];
            unboundCount = 0;
        }
        timers.add(timer);
    }
}
