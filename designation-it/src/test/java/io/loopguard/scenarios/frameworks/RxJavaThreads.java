package io.loopguard.scenarios.frameworks;

import io.reactivex.rxjava3.core.BackpressureStrategy;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.schedulers.Schedulers;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * RxJava 3: one blocking call on each kind of scheduler thread, each from its own method (its call site),
 * after ordinary non-blocking work on the same schedulers (intervals, timers, thread hops).
 */
public final class RxJavaThreads {

    public static void main(String[] args) {
        Completable.fromRunnable(RxJavaThreads::sleepOnComputation).subscribeOn(Schedulers.computation()).blockingAwait();
        Completable.fromRunnable(RxJavaThreads::sleepOnSingle).subscribeOn(Schedulers.single()).blockingAwait();
        Completable.fromRunnable(RxJavaThreads::sleepOnIo).subscribeOn(Schedulers.io()).blockingAwait();

        // Ordinary reactive work: RxJava's own scheduler internals must stay silent.
        long sum = Observable.interval(1, TimeUnit.MILLISECONDS).take(50)
                .observeOn(Schedulers.single())
                .flatMap(i -> Observable.timer(1, TimeUnit.MILLISECONDS, Schedulers.computation()).map(tick -> i))
                .toFlowable(BackpressureStrategy.BUFFER)
                .parallel(4).runOn(Schedulers.computation()).map(i -> i * 2).sequential()
                .timeout(30, TimeUnit.SECONDS)
                .reduce(0L, Long::sum)
                .blockingGet();
        long merged = Flowable.range(0, 1000).observeOn(Schedulers.computation()).count().blockingGet();
        System.out.println("RESULT reactive work " + sum + " " + merged);
        Schedulers.shutdown();
    }

    static void sleepOnComputation() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnSingle() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnIo() {
        LockSupport.parkNanos(1_000_000);
    }
}
