package io.loopguard.agent.watchdog;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * When the whole JVM stood still, so that a stall it caused is not blamed on the task it interrupted:
 * garbage-collection pauses (from the JVM's GC notifications) and stretches in which the watchdog itself
 * could not run (a safepoint, a debugger suspending every thread, a stopped process); and stretches in
 * which the machine was overloaded (the watchdog ran late although loops ran).
 */
final class JvmPauses {
    static final String GC = "gc";
    static final String JVM = "jvm";
    /** Not a JVM pause: the watchdog was late while loops ran, so the machine had too few CPUs free. */
    static final String CPU = "cpu";
    private static final int KEPT = 1024;
    private static final long KEPT_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Deque<Pause> pauses = new ArrayDeque<>();
    private final NotificationListener listener = (notification, handback) -> collected(notification);
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    /** Per collector, the id of the last collection recorded: a notification and {@link #catchUp} may both bring it. */
    private final Map<String, Long> lastRecorded = new HashMap<>();
    private long jvmStartNanos;

    /** How much of an interval the JVM was paused or starved, and the main cause: gc, else jvm, else cpu. */
    record Overlap(long nanos, String kind) {
    }

    private record Pause(long start, long end, String kind) {
    }

    /** Subscribes to the JVM's garbage-collection notifications; collectors that run concurrently are ignored. */
    void listenToGarbageCollection() {
        jvmStartNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(ManagementFactory.getRuntimeMXBean().getUptime());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            String name = collector.getName();
            if (collector instanceof NotificationEmitter emitter && !name.contains("Cycles") && !name.contains("Concurrent")) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Stops listening to the collectors, at a detach. */
    void stopListening() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException gone) {
                // nothing to remove
            }
        }
        emitters.clear();
    }

    private void collected(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        collected(info.getGcName(), info.getGcInfo());
    }

    /**
     * Records the last collection of each collector whose notification has not arrived yet: the JVM sends them
     * from a thread of its own after the pause, which on a busy machine can be later than a stall is judged.
     */
    void catchUp() {
        for (NotificationEmitter emitter : emitters) {
            if (emitter instanceof com.sun.management.GarbageCollectorMXBean collector) {
                GcInfo last = collector.getLastGcInfo();
                if (last != null) {
                    collected(collector.getName(), last);
                }
            }
        }
    }

    private synchronized void collected(String collector, GcInfo gc) {
        Long recorded = lastRecorded.get(collector);
        if (recorded != null && recorded >= gc.getId()) {
            return;
        }
        lastRecorded.put(collector, gc.getId());
        add(new Pause(jvmStartNanos + TimeUnit.MILLISECONDS.toNanos(gc.getStartTime()),
                jvmStartNanos + TimeUnit.MILLISECONDS.toNanos(gc.getEndTime()), GC));
    }

    /** Between {@code from} and {@code to} the watchdog could not run although it should have. */
    void stopped(long from, long to) {
        add(new Pause(from, to, JVM));
    }

    /** Between {@code from} and {@code to} the watchdog waited for a CPU while event loops ran. */
    void overloaded(long from, long to) {
        add(new Pause(from, to, CPU));
    }

    /**
     * How much of {@code [from, to]} fell in pauses, each moment counted once.
     *
     * @param withOverload whether stretches of an overloaded machine count too (for a thread that was
     *                     runnable, so that it waited for a CPU like the watchdog did)
     */
    synchronized Overlap overlap(long from, long to, boolean withOverload) {
        List<Pause> inside = new ArrayList<>();
        for (Pause pause : pauses) {
            if (pause.end > from && pause.start < to && (withOverload || !pause.kind.equals(CPU))) {
                inside.add(new Pause(Math.max(pause.start, from), Math.min(pause.end, to), pause.kind));
            }
        }
        inside.sort(Comparator.comparingLong(Pause::start));
        long total = 0;
        long gc = 0;
        long jvm = 0;
        long coveredUntil = from;
        for (Pause pause : inside) {
            long start = Math.max(pause.start, coveredUntil);
            if (pause.end > start) {
                total += pause.end - start;
                coveredUntil = pause.end;
            }
            if (pause.kind.equals(GC)) {
                gc += pause.end - pause.start;
            } else if (pause.kind.equals(JVM)) {
                jvm += pause.end - pause.start;
            }
        }
        // A collection is the one cause the JVM names; the rest of such a stretch is mostly its tail.
        return new Overlap(total, gc > 0 ? GC : jvm > 0 ? JVM : CPU);
    }

    private synchronized void add(Pause pause) {
        pauses.addLast(pause);
        while (pauses.size() > KEPT || pauses.peekFirst().end < pause.end - KEPT_NANOS) {
            pauses.removeFirst();
        }
    }
}
