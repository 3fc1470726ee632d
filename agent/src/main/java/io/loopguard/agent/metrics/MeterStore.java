package io.loopguard.agent.metrics;

import io.loopguard.agent.common.ThreadGroupName;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * All meter series that exist so far, in the order they appeared, so that registries bound at any time
 * get every one. Finding an existing series is a lock-free map read; only the first use of a new set of
 * tag values inserts (once per series, never waiting on I/O). A series can be retired (an event loop that
 * stopped): registries drop it at their next sync.
 */
public final class MeterStore {
    /** Beyond this many series, new thread groups are counted as {@code other}: tags must stay bounded. */
    static final int MAX_SERIES = 2_000;
    static final String OTHER = "other";
    static final String THREAD_GROUP = "thread.group";

    private final ConcurrentHashMap<List<String>, MeterSeries> byKey = new ConcurrentHashMap<>();
    private final Queue<MeterSeries> inOrder = new ConcurrentLinkedQueue<>();
    private final List<Runnable> housekeeping = new CopyOnWriteArrayList<>();

    /** The series of {@code spec} with these tag values (one per tag key, in order), created on first use. */
    public MeterSeries series(MeterSpec spec, String... tagValues) {
        return series(spec, null, tagValues);
    }

    /** A gauge series: {@code value} is read whenever a registry is. */
    public MeterSeries gauge(MeterSpec spec, DoubleSupplier value, String... tagValues) {
        return series(spec, value, tagValues);
    }

    /**
     * Counts a blocking call as it is reported or dropped (so the count equals reported plus dropped). Lock-free:
     * it may run on the thread that made the call.
     */
    public void countBlockingCall(String operation, String thread, boolean baseline) {
        series(LoopguardMeters.BLOCKING_CALLS, operation, ThreadGroupName.of(thread), String.valueOf(baseline)).increment();
    }

    /** Whether a series of {@code spec} with exactly these tag values exists (was not folded into {@code other}). */
    boolean has(MeterSpec spec, String... tagValues) {
        return byKey.containsKey(key(spec, tagValues));
    }

    /** Removes the series that match; registries drop them at their next sync. */
    void retire(Predicate<MeterSeries> which) {
        for (MeterSeries series : inOrder) {
            if (which.test(series)) {
                series.retire();
                byKey.remove(key(series.spec(), series.tagValues()), series);
                inOrder.remove(series);
            }
        }
    }

    /** Adds a task run before each sync with the registries: to retire series of what no longer exists. */
    void addHousekeeping(Runnable task) {
        housekeeping.add(task);
    }

    void keepHouse() {
        housekeeping.forEach(Runnable::run);
    }

    /** Every series so far, oldest first; a series created while iterating may or may not be included. */
    Iterable<MeterSeries> all() {
        return inOrder;
    }

    private MeterSeries series(MeterSpec spec, DoubleSupplier gauge, String... tagValues) {
        if (tagValues.length != spec.tagKeys().size()) {
            throw new IllegalArgumentException(spec.name() + " takes the tags " + spec.tagKeys());
        }
        List<String> key = key(spec, tagValues);
        MeterSeries found = byKey.get(key);
        if (found != null) {
            return found;
        }
        int group = spec.tagKeys().indexOf(THREAD_GROUP);
        if (byKey.size() >= MAX_SERIES && group >= 0 && !tagValues[group].equals(OTHER)) {
            String[] folded = tagValues.clone();
            folded[group] = OTHER;
            return series(spec, gauge, folded);
        }
        MeterSeries created = new MeterSeries(spec, tags(spec, tagValues), gauge);
        MeterSeries raced = byKey.putIfAbsent(key, created);
        if (raced != null) {
            return raced;
        }
        inOrder.add(created);
        return created;
    }

    private static List<String> key(MeterSpec spec, String... tagValues) {
        String[] key = new String[tagValues.length + 1];
        key[0] = spec.name();
        System.arraycopy(tagValues, 0, key, 1, tagValues.length);
        return List.of(key);
    }

    private static String[] tags(MeterSpec spec, String[] tagValues) {
        String[] tags = new String[tagValues.length * 2];
        for (int i = 0; i < tagValues.length; i++) {
            tags[2 * i] = spec.tagKeys().get(i);
            tags[2 * i + 1] = tagValues[i];
        }
        return tags;
    }
}
