package io.loopguard.scenarios.frameworks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

/**
 * One blocking call in {@code CompletableFuture.runAsync} (the common pool, by default), after ordinary
 * work there: async stages and a parallel stream.
 */
public final class CommonPoolWork {

    public static void main(String[] args) {
        String thread = CompletableFuture.supplyAsync(() -> {
            sleepInRunAsync();
            return Thread.currentThread().getName();
        }).join();
        System.out.println("RESULT runAsync ran on " + thread);

        long sum = CompletableFuture.supplyAsync(() -> 20L).thenApplyAsync(n -> n * 2)
                .thenCombineAsync(CompletableFuture.supplyAsync(() -> 2L), Long::sum).join();
        long squares = LongStream.range(0, 2_000_000).parallel().map(n -> n % 1000 * (n % 1000)).sum();
        System.out.println("RESULT ordinary work " + sum + " " + squares);
    }

    static void sleepInRunAsync() {
        LockSupport.parkNanos(1_000_000);
    }
}
