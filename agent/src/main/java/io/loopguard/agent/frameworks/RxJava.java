package io.loopguard.agent.frameworks;

import io.loopguard.api.spi.Framework;
import io.loopguard.api.spi.LoopguardIntegration;

/** RxJava 3: the threads of {@code Schedulers.computation()} and {@code single()} must never block. */
public final class RxJava implements LoopguardIntegration {
    private static final String INSTEAD = "compose with flatMap, or subscribe";

    @Override
    public void describe(Framework rxJava) {
        rxJava
                // RxJava marks the threads of computation() and single() with this interface (not io()'s).
                .nonBlockingThreadType("io.reactivex.rxjava3.internal.schedulers.NonBlockingThread")
                // RxJava refuses these on its non-blocking threads when RxJavaPlugins.setFailOnNonBlockingScheduler is on.
                .blockingMethod("io.reactivex.rxjava3.core.Observable#blockingFirst", INSTEAD)
                .blockingMethod("io.reactivex.rxjava3.core.Observable#blockingLast", INSTEAD)
                .blockingMethod("io.reactivex.rxjava3.core.Observable#blockingSubscribe", INSTEAD)
                .blockingMethod("io.reactivex.rxjava3.core.Flowable#blockingFirst", INSTEAD)
                .blockingMethod("io.reactivex.rxjava3.core.Flowable#blockingLast", INSTEAD)
                .blockingMethod("io.reactivex.rxjava3.core.Flowable#blockingSubscribe", INSTEAD)
                .blockingMethod("io.reactivex.rxjava3.core.Single#blockingGet", INSTEAD)
                .blockingMethod("io.reactivex.rxjava3.core.Maybe#blockingGet", INSTEAD)
                .blockingMethod("io.reactivex.rxjava3.core.Completable#blockingAwait", INSTEAD)
                // For the build-time scan: operators moved onto computation() or single() run on its threads.
                .ownPackage("io.reactivex.rxjava3")
                .nonBlockingScheduler("io.reactivex.rxjava3.schedulers.Schedulers#computation")
                .nonBlockingScheduler("io.reactivex.rxjava3.schedulers.Schedulers#single")
                .movesLaterOperators("io.reactivex.rxjava3.core.Observable#observeOn")
                .movesLaterOperators("io.reactivex.rxjava3.core.Flowable#observeOn")
                .movesWholeChain("io.reactivex.rxjava3.core.Observable#subscribeOn")
                .movesWholeChain("io.reactivex.rxjava3.core.Flowable#subscribeOn");
    }
}
