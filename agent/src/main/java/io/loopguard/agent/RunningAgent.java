package io.loopguard.agent;

import io.loopguard.agent.common.AttachProtocol;
import io.loopguard.agent.exit.ExitHook;
import io.loopguard.agent.instrument.AgentTransformer;
import io.loopguard.bootstrap.DetectionSubscribers;
import io.loopguard.bootstrap.Probe;
import java.lang.instrument.Instrumentation;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The agent as it runs in this JVM: what {@code status} shows, and what {@code detach} undoes. */
final class RunningAgent {
    /** Said before the probes are in: the start-up line comes with them. */
    private static final String WAITING = "loopguard: active, waiting for the first event loop or other thread that"
            + " must never block: nothing is probed yet";
    private static final String FAILED = "loopguard: not running: its start failed (see the application's stderr)";

    private final DeferredStart start;
    private final Instrumentation instrumentation;
    private final AgentTransformer transformer;
    private final ExitHook exit;

    RunningAgent(DeferredStart start, Instrumentation instrumentation, AgentTransformer transformer, ExitHook exit) {
        this.start = start;
        this.instrumentation = instrumentation;
        this.transformer = transformer;
        this.exit = exit;
    }

    /** The start-up line, as the application's stderr got it, once the self-test has given its verdict. */
    String startLine() {
        DeferredStart.Started started = start.started();
        if (started == null) {
            return start.ran() ? FAILED : WAITING;
        }
        try {
            String line = started.startLine().get(30, TimeUnit.SECONDS);
            return line != null ? line : "loopguard: active; the start-up self-test failed (see the application's stderr)";
        } catch (TimeoutException | ExecutionException e) {
            return "loopguard: active; the start-up self-test has not given its verdict yet";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "loopguard: active";
        }
    }

    /** What was found so far: each problem with its count, then each event loop's delay and utilisation. */
    String status() {
        DeferredStart.Started started = start.started();
        if (started == null) {
            return startLine();
        }
        String loopLines = started.loops().text();
        return startLine() + '\n' + started.console().summary()
                + (loopLines.isEmpty() ? "" : '\n' + loopLines);
    }

    /**
     * Undoes everything: classes get their original bytecode back, then the exit work runs now (the last
     * detections delivered, the events file closed, the summary printed, threads stopped, the port closed).
     *
     * @return how long the retransformation took, in milliseconds
     */
    long detach() {
        long started = System.nanoTime();
        DeferredStart.Started probes = start.started();
        if (probes != null) {
            probes.instrumenter().uninstall();
        } else {
            instrumentation.removeTransformer(transformer);
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        Probe.install(null);
        DetectionSubscribers.deliverWith(null);
        exit.runNow();
        System.clearProperty(AttachProtocol.RUNNING_PROPERTY);
        return tookMillis;
    }
}
