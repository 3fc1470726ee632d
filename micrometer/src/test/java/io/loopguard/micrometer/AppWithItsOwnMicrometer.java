package io.loopguard.micrometer;

import io.loopguard.scenarios.BlockingCallsOnManyLoops;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * An application with Micrometer of its own choosing: one registry added to {@code Metrics.globalRegistry}
 * (as Spring Boot does) and one it builds and binds with {@link LoopguardMeterBinder}. It makes
 * {@code calls} blocking calls on each of two Netty event loops, waits (at most 20 s) until both
 * registries count them, and prints what they show: {@code GLOBAL <count>}, {@code OWN <count>},
 * {@code METER <tags>} per Loopguard meter in its own registry, {@code MICROMETER <version>}.
 *
 * <p>Usage: {@code AppWithItsOwnMicrometer <calls>}.
 */
public final class AppWithItsOwnMicrometer {
    private static final int LOOPS = 2;

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        SimpleMeterRegistry global = new SimpleMeterRegistry();
        Metrics.addRegistry(global);
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        new LoopguardMeterBinder().bindTo(own);

        BlockingCallsOnManyLoops.onEveryLoop(LOOPS, calls, 0);

        long expected = (long) LOOPS * calls;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((blockingCalls(global) < expected || blockingCalls(own) < expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.println("GLOBAL " + blockingCalls(global));
        System.out.println("OWN " + blockingCalls(own));
        own.getMeters().stream().filter(meter -> meter.getId().getName().startsWith("loopguard."))
                .forEach(meter -> System.out.println("METER " + meter.getId().getName() + " " + meter.getId().getTags()
                        .stream().map(tag -> tag.getKey() + "=" + tag.getValue()).collect(Collectors.joining(","))));
        System.out.println("MICROMETER " + MeterRegistry.class.getPackage().getImplementationVersion());
    }

    private static long blockingCalls(MeterRegistry registry) {
        return (long) registry.find("loopguard.blocking.calls").functionCounters().stream()
                .mapToDouble(FunctionCounter::count).sum();
    }
}
