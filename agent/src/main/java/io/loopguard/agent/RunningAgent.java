package io.loopguard.agent;

import io.loopguard.agent.common.AttachProtocol;
import io.loopguard.agent.exit.ExitHook;
import io.loopguard.agent.instrument.Instrumenter;
import io.loopguard.agent.report.ConsoleReporter;
import io.loopguard.agent.watchdog.LoopSummary;
import io.loopguard.bootstrap.DetectionSubscribers;
import io.loopguard.bootstrap.Probe;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The agent as it runs in this JVM: what {@code status} shows, and what {@code detach} undoes. */
final class RunningAgent {
    private final Future<String> startLine;
    private final Instrumenter instrumenter;
    private final ExitHook exit;
    private final ConsoleReporter findings;
    private final LoopSummary loops;

    RunningAgent(Future<String> startLine, Instrumenter instrumenter, ExitHook exit, ConsoleReporter findings, LoopSummary loops) {
        this.startLine = startLine;
        this.instrumenter = instrumenter;
        this.exit = exit;
        this.findings = findings;
        this.loops = loops;
    }

    /** The start-up line, as the application's stderr got it, once the self-test has given its verdict. */
    String startLine() {
        try {
            String line = startLine.get(30, TimeUnit.SECONDS);
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
        String loopLines = loops.text();
        return startLine() + '\n' + findings.summary()
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
        instrumenter.uninstall();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        Probe.install(null);
        DetectionSubscribers.deliverWith(null);
        exit.runNow();
        System.clearProperty(AttachProtocol.RUNNING_PROPERTY);
        return tookMillis;
    }
}
