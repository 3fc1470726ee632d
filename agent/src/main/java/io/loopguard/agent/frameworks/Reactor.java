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
                .blockingMethod("reactor.core.publisher.Flux#blockLast", "compose with last() and flatMap")
                .blockingMethod("reactor.core.publisher.Flux#toIterable", "compose with flatMap, or subscribe")
                .blockingMethod("reactor.core.publisher.Flux#toStream", "compose with flatMap, or subscribe")
                // For the build-time scan: operators moved onto parallel() or single() run on NonBlocking threads.
                .ownPackage("reactor")
                .nonBlockingScheduler("reactor.core.scheduler.Schedulers#parallel")
                .nonBlockingScheduler("reactor.core.scheduler.Schedulers#single")
                .movesLaterOperators("reactor.core.publisher.Flux#publishOn")
                .movesLaterOperators("reactor.core.publisher.Mono#publishOn")
                .movesWholeChain("reactor.core.publisher.Flux#subscribeOn")
                .movesWholeChain("reactor.core.publisher.Mono#subscribeOn");
    }
}
