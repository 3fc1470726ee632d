package io.loopguard.agent.frameworks;

import io.loopguard.api.spi.Framework;
import io.loopguard.api.spi.LoopguardIntegration;

/** Project Reactor: the threads of {@code Schedulers.parallel()} and {@code single()} must never block. */
public final class Reactor implements LoopguardIntegration {

    @Override
    public void describe(Framework reactor) {
        reactor
                // Reactor marks the threads of parallel() and single() with this interface (not boundedElastic()'s).
                .nonBlockingThreadType("reactor.core.scheduler.NonBlocking")
                // Reactor refuses these on its NonBlocking threads (IllegalStateException).
                .blockingMethod("reactor.core.publisher.Mono#block", "compose with flatMap, or subscribe")
                .blockingMethod("reactor.core.publisher.Mono#blockOptional", "compose with flatMap, or subscribe")
                .blockingMethod("reactor.core.publisher.Flux#blockFirst", "compose with next() and flatMap")
                .blockingMethod("reactor.core.publisher.Flux#blockLast", "compose with last() and flatMap");
    }
}
