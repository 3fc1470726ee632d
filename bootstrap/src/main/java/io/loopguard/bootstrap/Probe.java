package io.loopguard.bootstrap;

import io.loopguard.BlockingCallError;
import java.util.concurrent.locks.AbstractQueuedSynchronizer;

/**
 * The static entry points that advice inlined into JDK, framework and application classes calls.
 *
 * <p>This class lives in the bootstrap class loader, so it may name only JDK types and its own
 * package. On threads that may block it costs finding the thread's state ({@link ThreadStates}) and one branch.
 */
public final class Probe {
    /** Longer than the agent takes to weave the classes loaded before it started, on a loaded machine. */
    private static final long LONGEST_WAIT_MILLIS = 30_000;
    private static volatile ProbeListener listener;
    /** The agent's thread that still weaves the classes loaded before its probes went in, else {@code null}. */
    private static volatile Thread weaver;
    private static final Object WOVEN = new Object();

    private Probe() {
    }

    /** Called by the agent before any class is instrumented, and with {@code null} when it is detached. */
    public static void install(ProbeListener agent) {
        listener = agent;
    }

    /**
     * Called by the agent with the thread that weaves the classes loaded before its probes went in (the
     * application's and the frameworks'), and with {@code null} once it is done. Meanwhile another thread that
     * becomes one that must never block waits.
     */
    public static void weavingOn(Thread thread) {
        synchronized (WOVEN) {
            weaver = thread;
            WOVEN.notifyAll();
        }
    }

    /**
     * Entry of a probed blocking method.
     *
     * @return the thread's state, to hand back to {@link #exit}; {@code null} on the fast path
     */
    public static ThreadState enter(int operation) {
        ThreadState state = ThreadStates.current();
        if (state == null) {
            state = judge();
        }
        if ((state.designated | state.designatedByName) == 0) {
            return null;
        }
        ProbeListener agent;
        if (state.depth++ == 0 && state.allowed == 0 && (agent = listener) != null) {
            BlockingCallError error = agent.blockingCall(operation);
            if (error != null) {
                state.depth--;
                state.callEnd = null;
                throw error;
            }
        }
        return state;
    }

    /**
     * Entry of a method that waits for I/O, which an event loop does by design between two of its tasks
     * ({@code Selector.select}): probed everywhere else, a handler's select included.
     */
    public static ThreadState enterUnlessBetweenLoopTasks(int operation) {
        ThreadState state = ThreadStates.current();
        LoopClock clock = state == null ? null : state.loopClock;
        return clock != null && !clock.inTask() ? null : enter(operation);
    }

    /** Exit of a probed blocking method, normal or by exception. */
    public static void exit(ThreadState state) {
        if (state != null && --state.depth == 0 && state.callEnd != null) {
            Runnable end = state.callEnd;
            state.callEnd = null;
            state.depth = 1; // what the agent does as the call ends (report a lock wait) is its own
            try {
                end.run();
            } finally {
                state.depth = 0;
            }
        }
    }

    /**
     * Called by the agent while it handles a blocking call on the current thread: {@code end} runs on this
     * thread when that call returns (right away for a {@code native} method, whose return is not probed).
     * It must not throw.
     */
    public static void whenCallEnds(Runnable end) {
        ThreadState state = ThreadStates.current();
        if (state != null) {
            state.callEnd = end;
        }
    }

    /**
     * Exit of {@code Thread.setName}: a thread renamed to match the {@code threads} option (or no longer matching
     * it) is judged again. A thread that never reached a probe is judged when it first does.
     */
    public static void renamed(Thread thread) {
        ProbeListener agent = listener;
        if (agent == null || thread.getState() == Thread.State.NEW) {
            return;
        }
        ThreadState own = thread == Thread.currentThread() ? ThreadStates.current() : null;
        if (own == null && thread == Thread.currentThread()) {
            return;
        }
        ExtraDesignatedThreads.renamed(thread, own, agent::isDesignated);
    }

    /**
     * Exit of {@code AbstractQueuedSynchronizer.acquire}, where a thread waits for a lock: a wait the agent
     * judged a blocking call in strict mode, when it ended, gives back what it acquired (the caller never holds
     * it, so every lock and permit stays as it was) and throws.
     *
     * @param acquired what {@code acquire} returned (positive once acquired)
     * @param threw     whether {@code acquire} threw instead: then that goes on, not the agent's error
     */
    public static void exitLockAcquire(ThreadState state, AbstractQueuedSynchronizer lock, int arg, boolean shared,
                                       int acquired, boolean threw) {
        exit(state);
        BlockingCallError error = state.errorAtEnd;
        state.errorAtEnd = null;
        if (error != null && !threw) {
            if (acquired > 0 && shared) {
                lock.releaseShared(arg);
            } else if (acquired > 0) {
                lock.release(arg);
            }
            throw error;
        }
    }

    /** Called by the agent from the action {@link #whenCallEnds} runs: the call throws {@code error} as it returns. */
    public static void throwWhenCallEnds(BlockingCallError error) {
        ThreadState state = ThreadStates.current();
        if (state != null) {
            state.errorAtEnd = error;
        }
    }

    /** Just before a call to a blocking method that is {@code native} on this JDK and so has no body to probe. */
    public static void beforeNativeCall(int operation) {
        exit(enter(operation));
    }

    /** Entry of a method during which the current thread must not block (an event loop's run loop). */
    public static ThreadState designate() {
        ThreadState state = state();
        if (weaver != null) {
            awaitWoven(state);
        }
        state.designated++;
        return state;
    }

    /** Exit of a method entered through {@link #designate} or {@link #designateTask}. */
    public static void undesignate(ThreadState state) {
        if (state != null) {
            state.designated--;
        }
    }

    /**
     * Entry of a method that runs one task of a pool whose tasks differ (CPU work or blocking work on the
     * same threads): the thread must not block during this task if the agent says so.
     *
     * @return the state to hand to {@link #undesignate}; {@code null} when this task may block
     */
    public static ThreadState designateTask() {
        ProbeListener agent = listener;
        if (agent == null || !agent.isTaskDesignated(Thread.currentThread())) {
            return null;
        }
        return designate();
    }

    /** Entry of a method inside which blocking is accepted. */
    public static ThreadState allow() {
        ThreadState state = state();
        state.allowed++;
        return state;
    }

    /** Entry of a method an {@code allow} rule names, woven into it: {@link #allow}, and the rule was used. */
    public static ThreadState allowByRule(int rule) {
        ThreadState state = allow();
        if ((state.designated | state.designatedByName) != 0) {
            AllowRuleUse.mark(rule);
        }
        return state;
    }

    /** Exit of a method entered through {@link #allow} or {@link #allowByRule}. */
    public static void disallow(ThreadState state) {
        state.allowed--;
    }

    /** Entry of an event loop's run method: the loop's tasks are timed from now on. */
    public static LoopClock loopStarted(Object loop) {
        ThreadState state = state();
        if (state.loopClock == null) {
            state.loopClock = LoopClock.start(Thread.currentThread(), loop);
        } else {
            state.loopClock.enterRun();
        }
        return state.loopClock;
    }

    /** Exit of a method entered through {@link #loopStarted}. */
    public static void loopEnded(LoopClock clock) {
        if (clock.exitRun()) {
            ThreadStates.current().loopClock = null;
        }
    }

    /** Entry of one unit of an event loop's work (a task, an I/O dispatch); {@code null} off event loops. */
    public static LoopClock taskStarted() {
        ThreadState state = ThreadStates.current();
        LoopClock clock = state == null ? null : state.loopClock;
        if (clock == null) {
            if (!AdoptedLoops.takeCurrentThread()) {
                return null;
            }
            clock = adopt(state != null ? state : judge());
        }
        clock.taskStarted();
        return clock;
    }

    /** Makes the current thread, an event loop whose run method started before the agent came, one from now on. */
    private static LoopClock adopt(ThreadState state) {
        state.depth++; // what finding the loop's executor does is the agent's own
        Object loop = AdoptedLoops.currentLoop();
        state.depth--;
        state.designated++;
        state.loopClock = LoopClock.start(Thread.currentThread(), loop);
        return state.loopClock;
    }

    /** Exit of a method entered through {@link #taskStarted}. */
    public static void taskEnded(LoopClock clock) {
        if (clock != null) {
            clock.taskEnded();
        }
    }

    private static ThreadState state() {
        ThreadState state = ThreadStates.current();
        return state != null ? state : judge();
    }

    private static ThreadState judge() {
        ThreadState state = new ThreadState(ThreadStates.currentId());
        state.depth = 1; // blocking calls made while the agent judges this thread are the agent's own
        ThreadStates.keep(state);
        ProbeListener agent = listener;
        boolean byAgent = agent != null && agent.isDesignated(Thread.currentThread());
        ExtraDesignatedThreads.judge(Thread.currentThread(), state, byAgent);
        if (agent != null && agent.permitsBlocking(Thread.currentThread())) {
            state.allowed = 1; // for its whole life, whatever designates it later
        }
        if (weaver != null && state.designatedByName != 0) {
            awaitWoven(state);
        }
        state.depth = 0;
        return state;
    }

    /** Waits, as the agent's own blocking, until every class that must be is woven: a few milliseconds. */
    private static void awaitWoven(ThreadState state) {
        Thread self = Thread.currentThread();
        state.allowed++;
        try {
            synchronized (WOVEN) {
                long end = System.nanoTime() + LONGEST_WAIT_MILLIS * 1_000_000;
                for (long left = LONGEST_WAIT_MILLIS; weaver != null && weaver != self && left > 0;
                     left = (end - System.nanoTime()) / 1_000_000) {
                    WOVEN.wait(Math.max(1, left));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            state.allowed--;
        }
    }
}
