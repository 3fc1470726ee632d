package io.loopguard.agent.exit;

import io.loopguard.agent.common.AgentThread;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The agent's one JVM shutdown hook: everything that must happen at exit, run step by step in the order
 * of {@link Step}, whatever order it was asked in. It holds the JVM's exit up a few seconds at most.
 */
public final class ExitHook {
    private static final long LONGEST_MILLIS = 5_000;

    private final Map<Step, List<Runnable>> work = new EnumMap<>(Step.class);
    private final Consumer<String> problems;
    private Thread jvmHook;

    /** What happens at exit, in this order. */
    public enum Step {
        /** The start-up self-test's verdict is printed, if it is not out yet. */
        START_UP_VERDICT,
        /** Parts that find detections submit their last ones (the watchdog: stalls that ended). */
        LAST_DETECTIONS,
        /** Every detection is delivered and the reporters closed. */
        DELIVERY,
        /** Summaries of the whole run are printed. */
        SUMMARY,
        /** The agent's threads stop and its ports close: at a detach, the JVM runs on. */
        RELEASE
    }

    /** @param problems receives the sentence about a step that failed; the later steps still run */
    ExitHook(Consumer<String> problems) {
        this.problems = problems;
    }

    /** Registers the hook with the JVM. */
    public static ExitHook install(Consumer<String> problems) {
        ExitHook hook = new ExitHook(problems);
        hook.jvmHook = new AgentThread("loopguard-exit", hook::runAtMostForAWhile);
        Runtime.getRuntime().addShutdownHook(hook.jvmHook);
        return hook;
    }

    /** The agent is detached from a JVM that runs on: the exit work runs now, and not again at exit. */
    public void runNow() {
        try {
            Runtime.getRuntime().removeShutdownHook(jvmHook);
        } catch (IllegalStateException exiting) {
            return; // the JVM is exiting: the hook runs anyway
        }
        runAtMostForAWhile();
    }

    /** Has {@code task} run at exit, in {@code step}, after the tasks already asked for in the same step. */
    public synchronized void at(Step step, Runnable task) {
        work.computeIfAbsent(step, any -> new ArrayList<>()).add(task);
    }

    /** On a thread of its own, so that work stuck on a lock or a file cannot keep the JVM from exiting. */
    private void runAtMostForAWhile() {
        Thread work = new AgentThread("loopguard-exit-work", this::run);
        work.start();
        try {
            work.join(LONGEST_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (work.isAlive()) {
            problems.accept("the exit work took longer than " + LONGEST_MILLIS / 1000 + " s and was left"
                    + " unfinished, so as not to hold up the exit; the last detections may be missing");
        }
    }

    /** Each step's tasks as they are when it comes: one may wait for the agent's start, which asks for more. */
    void run() {
        for (Step step : Step.values()) {
            for (int i = 0; ; i++) {
                Runnable task;
                synchronized (this) {
                    List<Runnable> tasks = work.get(step);
                    if (tasks == null || i >= tasks.size()) {
                        break;
                    }
                    task = tasks.get(i);
                }
                try {
                    task.run();
                } catch (RuntimeException | LinkageError problem) {
                    problems.accept("a step of the exit work failed (" + problem + "); the others still run");
                }
            }
        }
    }
}
