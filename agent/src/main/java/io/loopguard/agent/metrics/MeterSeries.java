package io.loopguard.agent.metrics;

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
    /** Each bound registry's timer; a duration is recorded into all of them. */
    private final List<LongConsumer> timers = new CopyOnWriteArrayList<>();

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

    /** Records a duration into every registry bound so far. Call it only from an agent thread. */
    public void record(long nanos) {
        for (LongConsumer timer : timers) {
            timer.accept(nanos);
        }
    }

    void addTimer(LongConsumer timer) {
        timers.add(timer);
    }
}
