package io.loopguard.scenarios.frameworks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import kotlin.coroutines.CoroutineContext;
import kotlinx.coroutines.CoroutineScope;
import kotlinx.coroutines.CoroutineScopeKt;
import kotlinx.coroutines.CoroutineStart;
import kotlinx.coroutines.Dispatchers;
import kotlinx.coroutines.future.FutureKt;

/**
 * kotlinx.coroutines: one blocking call in a coroutine on {@code Dispatchers.Default} and one on
 * {@code Dispatchers.IO} (the same pool of threads), each from its own method, after ordinary CPU work in
 * many coroutines on {@code Default}. Prints the thread each ran on.
 */
public final class CoroutineThreads {
    private static final CoroutineScope SCOPE = CoroutineScopeKt.CoroutineScope(Dispatchers.getDefault());

    public static void main(String[] args) throws Exception {
        System.out.println("RESULT default " + launch(Dispatchers.getDefault(), () -> {
            sleepOnDefault();
            return Thread.currentThread().getName();
        }).get(30, TimeUnit.SECONDS));
        System.out.println("RESULT io " + launch(Dispatchers.getIO(), () -> {
            sleepOnIo();
            return Thread.currentThread().getName();
        }).get(30, TimeUnit.SECONDS));

        // Ordinary CPU work in coroutines: the scheduler's own parking and stealing must stay silent.
        List<CompletableFuture<Long>> sums = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long n = i;
            sums.add(launch(Dispatchers.getDefault(), () -> {
                long sum = 0;
                for (long k = 0; k < 10_000 + n; k++) {
                    sum += k % 7;
                }
                return sum;
            }));
        }
        long total = 0;
        for (CompletableFuture<Long> sum : sums) {
            total += sum.get(30, TimeUnit.SECONDS);
        }
        System.out.println("RESULT cpu work " + total);
    }

    static void sleepOnDefault() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnIo() {
        LockSupport.parkNanos(1_000_000);
    }

    /** A coroutine on {@code dispatcher} running {@code body}, which never suspends. */
    private static <T> CompletableFuture<T> launch(CoroutineContext dispatcher, Supplier<T> body) {
        return FutureKt.future(SCOPE, dispatcher, CoroutineStart.DEFAULT, (scope, continuation) -> body.get());
    }
}
