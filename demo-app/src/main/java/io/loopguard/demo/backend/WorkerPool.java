package io.loopguard.demo.backend;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of worker threads that an event loop hands blocking work to, bounded (a full pool refuses
 * at once) and without ever taking a lock on the loop's side. The first version used a
 * {@code ThreadPoolExecutor} over an {@code ArrayBlockingQueue}: Loopguard caught the event loop waiting
 * for that queue's lock while a worker held it. Here the hand-off is a lock-free queue, the bound an
 * atomic counter, and the threads are started up front (starting one later takes the pool's lock).
 */
public final class WorkerPool implements AutoCloseable {
    private final ThreadPoolExecutor threads;
    private final AtomicInteger admitted = new AtomicInteger();
    private final int capacity;

    /** {@code workers} threads named {@code name-N}, and room for {@code queue} tasks waiting for one. */
    public WorkerPool(String name, int workers, int queue) {
        threads = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedTransferQueue<>(),
                daemonThreads(name + "-"));
        threads.prestartAllCoreThreads();
        capacity = workers + queue;
    }

    /** Runs the task on a worker, or returns false at once when every worker is busy and the queue is full. */
    public boolean offer(Runnable task) {
        if (admitted.incrementAndGet() > capacity) {
            admitted.decrementAndGet();
            return false;
        }
        threads.execute(() -> {
            try {
                task.run();
            } finally {
                admitted.decrementAndGet();
            }
        });
        return true;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Daemon threads named {@code prefix1}, {@code prefix2}, ...: the demo's own threads never keep the JVM up. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
