package io.loopguard.scenarios;

import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One method per blocking call the foundation catalogue covers, each a distinct call site. Where a
 * call would block until another thread acts, a helper thread acts once the caller waits, so that every
 * call returns (when it is not reported, or in report mode) and really waited.
 */
public final class Blockers {
    /** What each blocking call is reported as: the probed JDK operation. */
    public static final Map<String, String> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("threadSleep", "java.lang.Thread.sleep");
        OPERATIONS.put("threadSleepNanos", "java.lang.Thread.sleep");
        OPERATIONS.put("timeUnitSleep", "java.lang.Thread.sleep");
        OPERATIONS.put("threadSleepDuration", "java.lang.Thread.sleep");
        OPERATIONS.put("threadJoin", "java.lang.Thread.join");
        OPERATIONS.put("threadJoinTimeout", "java.lang.Thread.join");
        OPERATIONS.put("objectWait", "java.lang.Object.wait");
        OPERATIONS.put("objectWaitTimeout", "java.lang.Object.wait");
        OPERATIONS.put("objectWaitTimeoutNanos", "java.lang.Object.wait");
        OPERATIONS.put("park", "java.util.concurrent.locks.LockSupport.park");
        OPERATIONS.put("parkNanos", "java.util.concurrent.locks.LockSupport.parkNanos");
        OPERATIONS.put("parkUntil", "java.util.concurrent.locks.LockSupport.parkUntil");
        OPERATIONS.put("contendedLock", "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire");
        OPERATIONS.put("countDownLatchAwait", "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire");
        OPERATIONS.put("semaphoreAcquire", "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire");
        OPERATIONS.put("futureGet", "java.util.concurrent.FutureTask.awaitDone");
        OPERATIONS.put("completableFutureGet", "java.util.concurrent.CompletableFuture.waitingGet");
        OPERATIONS.put("completableFutureJoin", "java.util.concurrent.CompletableFuture.waitingGet");
        OPERATIONS.put("completableFutureGetTimeout", "java.util.concurrent.CompletableFuture.timedGet");
        OPERATIONS.put("blockingQueueTake",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await");
        OPERATIONS.put("blockingQueuePut",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await");
        OPERATIONS.put("blockingQueuePollTimeout",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitNanos");
        OPERATIONS.put("conditionAwaitUntil",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitUntil");
        OPERATIONS.put("conditionAwaitUninterruptibly",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.awaitUninterruptibly");
    }

    /** Calls that look like blocking but never wait: never reported, even on an event loop. */
    public static final String[] NON_BLOCKING = {"uncontendedLock", "completedFutureGet", "queueOfferPoll"};

    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "scenario-helper");
        thread.setDaemon(true);
        return thread;
    });

    private Blockers() {
    }

    /** Runs the named call; returns normally or throws what the call threw. */
    public static void run(String name) throws Exception {
        switch (name) {
            case "threadSleep" -> threadSleep();
            case "threadSleepNanos" -> threadSleepNanos();
            case "timeUnitSleep" -> timeUnitSleep();
            case "threadSleepDuration" -> threadSleepDuration();
            case "threadJoin" -> threadJoin();
            case "threadJoinTimeout" -> threadJoinTimeout();
            case "objectWait" -> objectWait();
            case "objectWaitTimeout" -> objectWaitTimeout();
            case "objectWaitTimeoutNanos" -> objectWaitTimeoutNanos();
            case "park" -> park();
            case "parkNanos" -> parkNanos();
            case "parkUntil" -> parkUntil();
            case "contendedLock" -> contendedLock();
            case "countDownLatchAwait" -> countDownLatchAwait();
            case "semaphoreAcquire" -> semaphoreAcquire();
            case "futureGet" -> futureGet();
            case "completableFutureGet" -> completableFutureGet();
            case "completableFutureJoin" -> completableFutureJoin();
            case "completableFutureGetTimeout" -> completableFutureGetTimeout();
            case "blockingQueueTake" -> blockingQueueTake();
            case "blockingQueuePut" -> blockingQueuePut();
            case "blockingQueuePollTimeout" -> blockingQueuePollTimeout();
            case "conditionAwaitUntil" -> conditionAwaitUntil();
            case "conditionAwaitUninterruptibly" -> conditionAwaitUninterruptibly();
            case "uncontendedLock" -> uncontendedLock();
            case "completedFutureGet" -> completedFutureGet();
            case "queueOfferPoll" -> queueOfferPoll();
            default -> throw new IllegalArgumentException("no such blocking call: " + name);
        }
    }

    /** Whether this JDK has the call at all ({@code Thread.sleep(Duration)} is JDK 19+). */
    public static boolean existsOnThisJdk(String name) {
        return !name.equals("threadSleepDuration") || Runtime.version().feature() >= 19;
    }

    static void threadSleep() throws InterruptedException {
        Thread.sleep(1);
    }

    static void threadSleepNanos() throws InterruptedException {
        Thread.sleep(0, 1000);
    }

    static void timeUnitSleep() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(1);
    }

    static void threadSleepDuration() throws Exception {
        // Compiled for release 17, so called reflectively; the call site is still this method.
        try {
            Thread.class.getMethod("sleep", Duration.class).invoke(null, Duration.ofMillis(1));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (Exception) e.getCause();
        }
    }

    static void threadJoin() throws InterruptedException {
        Thread other = new Thread(() -> LockSupport.parkNanos(20_000_000L));
        other.start();
        other.join();
    }

    static void threadJoinTimeout() throws InterruptedException {
        Thread other = new Thread(() -> LockSupport.parkNanos(20_000_000L));
        other.start();
        other.join(5_000);
    }

    static void objectWait() throws InterruptedException {
        Object monitor = new Object();
        synchronized (monitor) {
            HELPERS.execute(() -> {
                synchronized (monitor) {
                    monitor.notifyAll();
                }
            });
            monitor.wait();
        }
    }

    static void objectWaitTimeout() throws InterruptedException {
        Object monitor = new Object();
        synchronized (monitor) {
            monitor.wait(1);
        }
    }

    static void objectWaitTimeoutNanos() throws InterruptedException {
        Object monitor = new Object();
        synchronized (monitor) {
            monitor.wait(0, 1000);
        }
    }

    static void park() {
        Thread caller = Thread.currentThread();
        whenCallerWaits(() -> LockSupport.unpark(caller));
        LockSupport.park();
    }

    static void parkNanos() {
        LockSupport.parkNanos(1_000);
    }

    static void parkUntil() {
        LockSupport.parkUntil(System.currentTimeMillis() + 1);
    }

    static void contendedLock() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        HELPERS.execute(() -> {
            lock.lock();
            held.countDown();
            awaitWaiting(caller);
            holdLongerThanALockWait();
            lock.unlock();
        });
        awaitWithoutProbe(held);
        lock.lock();
        lock.unlock();
    }

    static void countDownLatchAwait() throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        whenCallerWaits(latch::countDown);
        latch.await();
    }

    static void semaphoreAcquire() throws InterruptedException {
        Semaphore semaphore = new Semaphore(0);
        whenCallerWaits(() -> {
            holdLongerThanALockWait();
            semaphore.release();
        });
        semaphore.acquire();
    }

    static void futureGet() throws Exception {
        Thread caller = Thread.currentThread();
        HELPERS.submit(() -> awaitWaiting(caller)).get();
    }

    static void completableFutureGet() throws Exception {
        Thread caller = Thread.currentThread();
        CompletableFuture.runAsync(() -> awaitWaiting(caller), HELPERS).get();
    }

    static void completableFutureJoin() {
        Thread caller = Thread.currentThread();
        CompletableFuture.runAsync(() -> awaitWaiting(caller), HELPERS).join();
    }

    static void completableFutureGetTimeout() throws Exception {
        Thread caller = Thread.currentThread();
        CompletableFuture.runAsync(() -> awaitWaiting(caller), HELPERS).get(20, TimeUnit.SECONDS);
    }

    static void blockingQueueTake() throws InterruptedException {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        whenCallerWaits(() -> queue.offer("item"));
        queue.take();
    }

    static void blockingQueuePut() throws InterruptedException {
        ArrayBlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
        queue.add("full");
        whenCallerWaits(queue::poll);
        queue.put("item");
    }

    static void blockingQueuePollTimeout() throws InterruptedException {
        new LinkedBlockingQueue<String>().poll(1, TimeUnit.MILLISECONDS);
    }

    static void conditionAwaitUntil() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition never = lock.newCondition();
        lock.lock();
        try {
            never.awaitUntil(new Date(System.currentTimeMillis() + 1));
        } finally {
            lock.unlock();
        }
    }

    static void conditionAwaitUninterruptibly() {
        ReentrantLock lock = new ReentrantLock();
        Condition signalled = lock.newCondition();
        // Signals once the caller waits (and so no longer holds the lock): it never contends.
        whenCallerWaits(() -> {
            lock.lock();
            signalled.signalAll();
            lock.unlock();
        });
        lock.lock();
        try {
            signalled.awaitUninterruptibly();
        } finally {
            lock.unlock();
        }
    }

    static void uncontendedLock() {
        ReentrantLock lock = new ReentrantLock();
        lock.lock();
        lock.unlock();
        if (lock.tryLock()) {
            lock.unlock();
        }
    }

    static void completedFutureGet() throws Exception {
        CompletableFuture.completedFuture("done").get();
        CompletableFuture.completedFuture("done").join();
    }

    static void queueOfferPoll() {
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        queue.offer("item");
        queue.poll();
    }

    /** A lock or permit is reported when the caller waited longer than {@code lock-wait-threshold} (5 ms) for it. */
    private static void holdLongerThanALockWait() {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
    }

    /**
     * Runs {@code action} on a helper thread once the calling thread waits, so that the call really
     * waits however late a loaded machine schedules the caller (a fixed delay could let the helper act
     * first, and then nothing would block).
     */
    private static void whenCallerWaits(Runnable action) {
        Thread caller = Thread.currentThread();
        HELPERS.execute(() -> {
            awaitWaiting(caller);
            action.run();
        });
    }

    /** Returns once {@code caller} waits, or after 20 s (in strict mode it never does: its call throws). */
    private static void awaitWaiting(Thread caller) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            Thread.State state = caller.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            LockSupport.parkNanos(200_000L);
        }
    }

    /** Waits for a helper without blocking in a way the test counts: spins. */
    private static void awaitWithoutProbe(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            Thread.onSpinWait();
        }
    }
}
