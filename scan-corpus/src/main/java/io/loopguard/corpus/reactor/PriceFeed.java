package io.loopguard.corpus.reactor;

import java.util.concurrent.locks.LockSupport;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reactor chains: operators after publishOn(parallel()) run on non-blocking threads and must not block; after
 * publishOn(boundedElastic()) they may.
 */
public final class PriceFeed {

    public Flux<Long> onParallel(Flux<String> symbols) {
        return symbols.publishOn(Schedulers.parallel()).map(PriceFeed::slowQuote);
    }

    public Flux<Long> onElastic(Flux<String> symbols) {
        return symbols.publishOn(Schedulers.boundedElastic()).map(PriceFeed::slowQuote);
    }

    public Flux<Long> blockingInsideParallel(Flux<String> symbols, Mono<Long> rate) {
        return symbols.map(String::length).map(length -> length * rate.block()).subscribeOn(Schedulers.single());
    }

    static long slowQuote(String symbol) {
        LockSupport.parkNanos(1_000_000);
        return symbol.length();
    }
}
