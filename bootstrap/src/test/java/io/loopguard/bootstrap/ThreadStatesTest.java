package io.loopguard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each thread finds its own state, whichever thread holds the slot its id falls in. */
@SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
class ThreadStatesTest {
    private static final int SLOTS = 4096;

    @Test
    void theIdIsReadFromThreadsOwnFieldSoTheTableIsUsed() {
        assertEquals(Thread.currentThread().getId(), ThreadStates.currentId());
    }

    @Test
    void aThreadFindsTheStateItKeptAndNoOtherThreadDoes() throws Exception {
        ThreadState[] found = new Worker().start(() -> {
            ThreadState kept = keepNew();
            return new ThreadState[] {kept, ThreadStates.current()};
        }).get(10, TimeUnit.SECONDS);
        assertSame(found[0], found[1]);
        assertNull(new Worker().start(ThreadStates::current).get(10, TimeUnit.SECONDS), "a thread never judged has none");
    }

    @Test
    void aThreadWhoseGetIdReturnsAnotherThreadsIdFindsNoStateButItsOwn() throws Exception {
        CountDownLatch kept = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Worker honest = new Worker();
        CompletableFuture<ThreadState> honestState = honest.start(() -> {
            ThreadState state = keepNew();
            kept.countDown();
            done.await();
            return state;
        });
        kept.await();
        Worker liar = new Worker() {
            @Override
            public long getId() {
                return honest.getId();
            }
        };
        assertNull(liar.start(ThreadStates::current).get(10, TimeUnit.SECONDS));
        done.countDown();
        honestState.get(10, TimeUnit.SECONDS);
    }

    @Test
    void anOlderThreadWhoseSlotANewerOneTookStillFindsItsOwnState() throws Exception {
        Worker older = new Worker();
        Worker newer = new Worker();
        while ((newer.getId() - older.getId()) % SLOTS != 0) {
            newer = new Worker(); // ids are given as threads are made
        }
        CountDownLatch olderKept = new CountDownLatch(1);
        CountDownLatch newerKept = new CountDownLatch(1);
        CompletableFuture<ThreadState[]> olderStates = older.start(() -> {
            ThreadState state = keepNew();
            olderKept.countDown();
            newerKept.await();
            return new ThreadState[] {state, ThreadStates.current()};
        });
        olderKept.await();
        ThreadState[] newerStates = newer.start(() -> {
            ThreadState state = keepNew();
            newerKept.countDown();
            return new ThreadState[] {state, ThreadStates.current()};
        }).get(10, TimeUnit.SECONDS);
        assertSame(newerStates[0], newerStates[1], "the newer thread, in the slot");
        ThreadState[] olderFound = olderStates.get(10, TimeUnit.SECONDS);
        assertSame(olderFound[0], olderFound[1], "the older thread, in its ThreadLocal");
    }

    private static ThreadState keepNew() {
        ThreadState state = new ThreadState(ThreadStates.currentId());
        ThreadStates.keep(state);
        return state;
    }

    /** A thread that runs one piece of work, given as it starts. */
    private static class Worker extends Thread {
        private final CompletableFuture<Object> result = new CompletableFuture<>();
        private Callable<?> work;

        @SuppressWarnings("unchecked")
        <T> CompletableFuture<T> start(Callable<T> work) {
            this.work = work;
            start();
            return (CompletableFuture<T>) result;
        }

        @Override
        public void run() {
            try {
                result.complete(work.call());
            } catch (Throwable problem) {
                result.completeExceptionally(problem);
            }
        }
    }
}
