package io.loopguard.agent.catalog;

import static io.loopguard.agent.catalog.BlockingOperation.ANY_PARAMETERS;
import static io.loopguard.agent.catalog.Remedy.CONTENDED_LOCK;
import static io.loopguard.agent.catalog.Remedy.SLEEP;
import static io.loopguard.agent.catalog.Remedy.WAIT_FOR_OTHER_THREAD;

import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every JDK method Loopguard treats as blocking. An operation's id is its index in {@link #OPERATIONS}.
 *
 * <p>Where a JDK method waits only sometimes (a lock, a future), the entry is the internal method the
 * JDK enters only when it is about to wait, so an uncontended lock or a completed future is not
 * reported, and {@code strict} mode can throw before the JDK has changed any state.
 */
public final class Catalog {
    private static final String AQS = "java.util.concurrent.locks.AbstractQueuedSynchronizer";

    public static final List<BlockingOperation> OPERATIONS = List.of(
            // sleep(long) is native on JDK 17 and sleep(Duration) exists from 19: every overload is probed.
            op("java.lang.Thread", "sleep", SLEEP, () -> Thread.sleep(1)),
            op("java.lang.Thread", "join", WAIT_FOR_OTHER_THREAD, () -> Thread.currentThread().join(1)),
            op("java.lang.Object", "wait", WAIT_FOR_OTHER_THREAD, () -> {
                Object monitor = new Object();
                synchronized (monitor) {
                    monitor.wait(1);
                }
            }),
            // The primitive under every java.util.concurrent wait not listed below.
            op("java.util.concurrent.locks.LockSupport", "park", WAIT_FOR_OTHER_THREAD, LockSupport::park),
            op("java.util.concurrent.locks.LockSupport", "parkNanos", WAIT_FOR_OTHER_THREAD,
                    () -> LockSupport.parkNanos(1)),
            op("java.util.concurrent.locks.LockSupport", "parkUntil", WAIT_FOR_OTHER_THREAD,
                    () -> LockSupport.parkUntil(0)),
            // Entered only when a lock, semaphore or latch is not free: the contended path.
            new BlockingOperation(AQS, "acquire", 6, CONTENDED_LOCK,
                    () -> new Semaphore(0).tryAcquire(1, TimeUnit.NANOSECONDS)),
            // Condition.await always waits; probed before it releases the lock (BlockingQueue.take/put).
            op(AQS + "$ConditionObject", "await", WAIT_FOR_OTHER_THREAD,
                    () -> withCondition(c -> c.await(1, TimeUnit.NANOSECONDS))),
            op(AQS + "$ConditionObject", "awaitNanos", WAIT_FOR_OTHER_THREAD,
                    () -> withCondition(c -> c.awaitNanos(1))),
            op(AQS + "$ConditionObject", "awaitUntil", WAIT_FOR_OTHER_THREAD,
                    () -> withCondition(c -> c.awaitUntil(new Date(0)))),
            op(AQS + "$ConditionObject", "awaitUninterruptibly", WAIT_FOR_OTHER_THREAD,
                    () -> withCondition(Condition::awaitUninterruptibly)),
            // Future.get on a task that has not finished.
            op("java.util.concurrent.FutureTask", "awaitDone", WAIT_FOR_OTHER_THREAD,
                    () -> new FutureTask<>(() -> null).get(1, TimeUnit.NANOSECONDS)),
            // CompletableFuture.get/join on a future that is not complete.
            op("java.util.concurrent.CompletableFuture", "waitingGet", WAIT_FOR_OTHER_THREAD,
                    () -> new CompletableFuture<>().join()),
            op("java.util.concurrent.CompletableFuture", "timedGet", WAIT_FOR_OTHER_THREAD,
                    () -> new CompletableFuture<>().get(1, TimeUnit.NANOSECONDS)));

    private Catalog() {
    }

    private static BlockingOperation op(String className, String method, Remedy remedy,
                                        BlockingOperation.Exercise exercise) {
        return new BlockingOperation(className, method, ANY_PARAMETERS, remedy, exercise);
    }

    private static void withCondition(ConditionWait wait) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition condition = lock.newCondition();
        lock.lock();
        try {
            wait.on(condition);
        } finally {
            lock.unlock();
        }
    }

    private interface ConditionWait {
        void on(Condition condition) throws InterruptedException;
    }
}
