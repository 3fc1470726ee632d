package io.loopguard.agent;

import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.config.Options;
import io.loopguard.agent.exit.ExitHook;
import io.loopguard.agent.instrument.AgentTransformer;
import io.loopguard.agent.instrument.Instrumenter;
import io.loopguard.agent.report.ConsoleReporter;
import io.loopguard.agent.report.ReportingThread;
import io.loopguard.agent.watchdog.LoopSummary;
import io.loopguard.bootstrap.DetectionSubscribers;
import io.loopguard.bootstrap.ExtraDesignatedThreads;
import io.loopguard.bootstrap.Probe;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The part of the start that waits until a thread that must never block may first run: the probes, the
 * reporters, the watchdog, the self-test. A JVM that never has such a thread (a build tool, most test forks)
 * pays only for reading the options and watching the classes that load. It runs once, on an agent thread,
 * while the thread that needs it waits: a class loaded from inside a transformer is not handed to the
 * transformers, and the first framework class is seen from inside one.
 */
final class DeferredStart implements AgentTransformer.Start {
    /** Far longer than a start takes on a loaded machine; past it the application goes on, as without the agent. */
    private static final long LONGEST_WAIT_MILLIS = 60_000;
    private static final long AT_EXIT_MILLIS = 4_000;
    /** What a JVM that never needed the probes says at exit, instead of a start-up line and a summary. */
    static final String NOTHING_TO_PROBE = "loopguard: summary: no blocking calls on threads that must never block;"
            + " none ran in this JVM (no event loop, no thread the options name), so no probe was needed";

    /** What the start made that the agent's commands and its detach need. */
    record Started(Future<String> startLine, Instrumenter instrumenter, ConsoleReporter console, LoopSummary loops,
                   ReportingThread reporting) {
    }

    private final Function<Runnable, Started> work;
    private final ExitHook exit;
    private final Options options;
    private final PrintStream err;
    private final Consumer<String> problems;
    private final AtomicBoolean begun = new AtomicBoolean();
    // Latches, not futures: CompletableFuture would start the common pool's classes in every JVM's premain.
    /** Counted down once the probes are in, or the start failed: what a thread that must never block waits for. */
    private final CountDownLatch probesIn = new CountDownLatch(1);
    /** Counted down once the start has run; {@link #started} is then set, or {@code null} if it failed. */
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Started started;
    /** The thread that runs the start: premain's, an attach's, or the agent's own. */
    private volatile Thread starter;

    /**
     * @param work the start: it calls the {@code Runnable} it is given once the probes are in, and goes on with
     *             what the probes do not need (the watchdog, the self-test) while the application runs
     */
    DeferredStart(Function<Runnable, Started> work, ExitHook exit, Options options, PrintStream err,
                  Consumer<String> problems) {
        this.work = work;
        this.exit = exit;
        this.options = options;
        this.err = err;
        this.problems = problems;
        DetectionSubscribers.deliverWith(this::flush);
    }

    /** Runs the start on this thread, which no transformer is running on. */
    void runNow() {
        begun.set(true);
        run();
    }

    /**
     * Runs the start when the first class of a framework that designates threads loads, or a test first
     * designates threads by name ({@link AgentTransformer}); until then, says at exit that nothing needed probing.
     */
    void awaitBeforeDesignating() {
        // Not from inside a class's loading: it waits until every class is woven, those loaded before included.
        ExtraDesignatedThreads.whenProbesNeeded(() -> {
            probesNeeded("a test's thread-name pattern", "it designates threads by name");
            started(LONGEST_WAIT_MILLIS);
        });
        exit.at(ExitHook.Step.START_UP_VERDICT, () -> {
            if (!begun.get()) {
                err.println(NOTHING_TO_PROBE + " (JDK " + Runtime.version().feature() + ", mode=" + options.mode() + ")");
            } else {
                started(AT_EXIT_MILLIS);
            }
        });
    }

    /** Returns once the probes are in, having started them if no other thread did; at once on the agent's threads. */
    @Override
    public void probesNeeded(String className, String why) {
        if (Thread.currentThread() instanceof AgentThread || Thread.currentThread() == starter) {
            return; // the start's own class loading, the self-test's canaries
        }
        if (!begun.get() && begun.compareAndSet(false, true)) {
            new AgentThread("loopguard-start", this::run).start();
        }
        try {
            if (!probesIn.await(LONGEST_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                problems.accept("waited " + LONGEST_WAIT_MILLIS / 1000 + " s for the probes, needed by " + className
                        + " (" + why + "); the application goes on without them until they are in");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        starter = Thread.currentThread();
        try {
            started = work.apply(probesIn::countDown);
        } catch (RuntimeException | LinkageError problem) {
            problems.accept("could not start (" + problem + "); the application runs without Loopguard");
        } finally {
            ExtraDesignatedThreads.whenProbesNeeded(null);
            Probe.weavingOn(null);
            probesIn.countDown();
            done.countDown();
        }
    }

    /** What the start made, once it has run; {@code null} until then or if it failed. */
    Started started() {
        return started;
    }

    /** Whether the start has run, well or not. */
    boolean ran() {
        return done.getCount() == 0;
    }

    private Started started(long waitMillis) {
        try {
            done.await(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return started;
    }

    /** How the JUnit extension waits for the detections made so far: none before the start. */
    private boolean flush(long timeoutMillis) {
        if (!begun.get()) {
            return true;
        }
        Started started = started(timeoutMillis);
        return started != null && started.reporting().flush(timeoutMillis);
    }
}
