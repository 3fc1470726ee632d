package io.loopguard.scenarios.frameworks;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Project Reactor: one blocking call on each kind of scheduler thread, each from its own method (its call
 * site), after ordinary non-blocking work on the same schedulers (timers, hops, queues).
 */
public final class ReactorThreads {

    public static void main(String[] args) throws Exception {
        Mono.fromRunnable(ReactorThreads::sleepOnParallel).subscribeOn(Schedulers.parallel()).block();
        Mono.fromRunnable(ReactorThreads::sleepOnSingle).subscribeOn(Schedulers.single()).block();
        Mono.fromRunnable(ReactorThreads::sleepOnBoundedElastic).subscribeOn(Schedulers.boundedElastic()).block();

        // Ordinary reactive work: Reactor's own timers, queues and thread hops must stay silent.
        long sum = Flux.interval(Duration.ofMillis(1)).take(50)
                .publishOn(Schedulers.single())
                .flatMap(i -> Mono.delay(Duration.ofMillis(1)).map(tick -> i), 8)
                .parallel(4).runOn(Schedulers.parallel()).map(i -> i * 2).sequential()
                .timeout(Duration.ofSeconds(30))
                .reduce(0L, Long::sum)
                .block(Duration.ofSeconds(60));
        System.out.println("RESULT reactive work " + sum);
        Schedulers.shutdownNow();
    }

    static void sleepOnParallel() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnSingle() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnBoundedElastic() {
        LockSupport.parkNanos(1_000_000);
    }
}
