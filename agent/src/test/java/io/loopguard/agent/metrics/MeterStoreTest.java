package io.loopguard.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Counting and registering, in process, against a real Micrometer registry (the unrelocated one on the test classpath). */
class MeterStoreTest {
    private static final int THREADS = 8;
    private static final int CALLS = 20_000;

    @Test
    void countsEveryBlockingCallOfManyThreadsRacingOnNewSeries() throws Exception {
        MeterStore store = new MeterStore();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            String name = "nioEventLoopGroup-2-" + t;
            Thread thread = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < CALLS; i++) {
                    store.countBlockingCall(i % 2 == 0 ? "java.lang.Thread.sleep" : "java.lang.Object.wait", name, false);
                }
            }, name);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        bind(store, registry);
        FunctionCounter sleeps = registry.get("loopguard.blocking.calls")
                .tags("operation", "java.lang.Thread.sleep", "thread.group", "nioEventLoopGroup-*").functionCounter();
        assertEquals(THREADS * CALLS / 2.0, sleeps.count());
        assertEquals(THREADS * CALLS, registry.get("loopguard.blocking.calls").functionCounters().stream()
                .mapToDouble(FunctionCounter::count).sum());
        assertEquals(2, registry.get("loopguard.blocking.calls").functionCounters().size());
    }

    @Test
    void callsAtCallSitesTheBaselineListsAreTaggedSo() {
        MeterStore store = new MeterStore();
        store.countBlockingCall("java.lang.Thread.sleep", "nioEventLoopGroup-2-1", true);
        store.countBlockingCall("java.lang.Thread.sleep", "nioEventLoopGroup-2-1", false);
        store.countBlockingCall("java.lang.Thread.sleep", "nioEventLoopGroup-2-2", false);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        bind(store, registry);
        assertEquals(1.0, registry.get("loopguard.blocking.calls").tag("baseline", "true").functionCounter().count());
        assertEquals(2.0, registry.get("loopguard.blocking.calls").tag("baseline", "false").functionCounter().count());
    }

    @Test
    void newThreadGroupsBeyondTheLimitAreCountedAsOther() {
        MeterStore store = new MeterStore();
        for (int i = 0; i < MeterStore.MAX_SERIES + 10; i++) {
            store.countBlockingCall("java.lang.Thread.sleep", "request-" + i + "-handler", false);
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        bind(store, registry);
        assertEquals(10.0, registry.get("loopguard.blocking.calls").tag("thread.group", MeterStore.OTHER)
                .functionCounter().count());
    }

    @Test
    void everyMeterTaggedByThreadGroupIsCappedNotOnlyTheCounter() {
        MeterStore store = new MeterStore();
        for (int i = 0; i < MeterStore.MAX_SERIES + 10; i++) {
            store.series(LoopguardMeters.LOOP_DELAY, "client" + i + "-loop").record(1);
        }
        assertEquals(MeterStore.OTHER, store.series(LoopguardMeters.LOOP_DELAY, "one-more-loop").tag("thread.group"));
        assertFalse(store.has(LoopguardMeters.LOOP_DELAY, "one-more-loop"));
    }

    @Test
    void aRetiredSeriesLeavesTheStoreAndTheRegistry() throws ReflectiveOperationException {
        MeterStore store = new MeterStore();
        store.series(LoopguardMeters.LOOP_DELAY, "stopped-*").record(1);
        store.series(LoopguardMeters.LOOP_DELAY, "running-*").record(1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RegistryBinding binding = bind(store, registry);
        assertEquals(2, registry.get("loopguard.loop.delay").timers().size());

        store.retire(series -> "stopped-*".equals(series.tag("thread.group")));
        binding.removeRetired();
        assertEquals(List.of("running-*"), registry.get("loopguard.loop.delay").timers().stream()
                .map(timer -> timer.getId().getTag("thread.group")).toList());
        assertFalse(store.has(LoopguardMeters.LOOP_DELAY, "stopped-*"));
        store.series(LoopguardMeters.LOOP_DELAY, "stopped-*").record(1); // the group runs again: a new series
        bind(store, registry);
        assertEquals(2, registry.get("loopguard.loop.delay").timers().size());
    }

    @Test
    void gaugesAndTimersWithPercentilesRegisterToo() throws InterruptedException {
        MeterSpec utilization = MeterSpec.gauge("test.utilization", "percent", "a gauge", "thread");
        MeterSpec delay = MeterSpec.timer("test.delay", "a timer", new double[] {0.5, 0.99}, "thread");
        MeterStore store = new MeterStore();
        store.gauge(utilization, () -> 0.25, "loop-1");
        MeterSeries delays = store.series(delay, "loop-1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        bind(store, registry);
        delays.record(TimeUnit.MILLISECONDS.toNanos(7));
        Gauge gauge = registry.get("test.utilization").tag("thread", "loop-1").gauge();
        assertEquals(0.25, gauge.value());
        Timer timer = registry.get("test.delay").timer();
        assertEquals(1, timer.count());
        assertEquals(7.0, timer.totalTime(TimeUnit.MILLISECONDS));
        assertNotNull(registry.find("test.delay.percentile").tag("phi", "0.99").gauge());
    }

    private static RegistryBinding bind(MeterStore store, SimpleMeterRegistry registry) {
        RegistryBinding binding = RegistryBinding.of(registry);
        AtomicReference<Exception> failure = new AtomicReference<>();
        store.all().forEach(series -> {
            try {
                binding.register(series);
            } catch (ReflectiveOperationException e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return binding;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
