package io.loopguard.agent;

import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.catalog.Exercises;
import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.config.Options;
import io.loopguard.agent.detect.Detector;
import io.loopguard.agent.detect.SelfTestCanary;
import io.loopguard.agent.exit.ExitHook;
import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Proves at start-up that every probe fires on this JDK: each operation's exercise runs on a canary
 * thread (one for all while none gets stuck), where a working probe throws at once instead of blocking. A
 * probe that did not take is named in the start-up line instead of silently missing calls. It runs on an
 * agent thread, so the application starts meanwhile; a JVM that exits sooner waits for the verdict at exit.
 */
final class SelfTest {
    /** Generous: a working probe answers at once, and only a machine with no CPU to spare takes long. */
    private static final long EXERCISES_TIMEOUT_MILLIS = 10_000;
    private static final long VERDICT_AT_EXIT_MILLIS = 4_000;
    /** No exercise ended for this long: the canary is taken as blocked in a probe that did not take. */
    private static final long STUCK_MILLIS = 200;

    private final int operations;
    private final List<String> notProbed;

    private SelfTest(int operations, List<String> notProbed) {
        this.operations = operations;
        this.notProbed = notProbed;
    }

    /**
     * Runs the self-test on an agent thread and prints its verdict on {@code err}, at the latest at exit.
     *
     * @return the start-up line, once printed
     *
     * @param outputs where detections and meters go, as far as is known when the verdict is printed
     * @param more    what the start-up line says after the verdict
     */
    static Future<String> startInBackground(Detector detector, List<BlockingOperation> operations, BitSet probed,
                                            Options options, Supplier<List<String>> outputs, String more,
                                            PrintStream err, ExitHook exit) {
        CompletableFuture<String> printed = new CompletableFuture<>();
        new AgentThread("loopguard-self-test-runner", () -> {
            String line = null;
            try {
                line = run(detector, operations, probed).describe(options, outputs.get()) + more;
                err.println(line);
            } finally {
                printed.complete(line);
            }
        }).start();
        exit.at(ExitHook.Step.START_UP_VERDICT, () -> {
            try {
                printed.get(VERDICT_AT_EXIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                err.println("loopguard: the start-up self-test had not finished at exit (a machine with no CPU"
                        + " to spare?); whether every probe took on this JDK is not known");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return printed;
    }

    static SelfTest run(Detector detector, List<BlockingOperation> operations, BitSet probed) {
        SelfTestCanary canary = new SelfTestCanary();
        detector.useCanary(canary);
        List<String> toExercise = new ArrayList<>();
        for (int id = 0; id < operations.size(); id++) {
            if (probed.get(id)) {
                toExercise.add(operations.get(id).name());
            }
        }
        // Waiting for the canaries is the agent's own blocking, even on a thread the threads option names.
        ThreadState state = Probe.allow();
        try {
            new Exercising(toExercise).onCanaries(canary, EXERCISES_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Probe.disallow(state);
        }
        List<String> notProbed = new ArrayList<>();
        for (int id = 0; id < operations.size(); id++) {
            if (!canary.hasFired(id)) {
                notProbed.add(operations.get(id).name());
            }
        }
        return new SelfTest(operations.size(), notProbed);
    }

    /**
     * The exercises one after the other on one canary thread: a working probe ends its exercise at once. One that
     * did not take may leave its canary blocked for good; the exercises after it then go on on a new canary.
     */
    private static final class Exercising implements Runnable {
        private final List<String> operations;
        private int next; // guarded by this
        private int finished; // guarded by this

        Exercising(List<String> operations) {
            this.operations = operations;
        }

        /** Runs every exercise on canaries and returns when all have ended, or after {@code timeoutMillis}. */
        synchronized void onCanaries(SelfTestCanary canary, long timeoutMillis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            canary.newThread(this).start();
            while (finished < operations.size()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                int before = finished;
                wait(Math.min(STUCK_MILLIS, left));
                if (finished == before && next < operations.size()) {
                    canary.newThread(this).start();
                }
            }
        }

        @Override
        public void run() {
            while (true) {
                String operation;
                synchronized (this) {
                    if (next == operations.size()) {
                        return;
                    }
                    operation = operations.get(next++);
                }
                try {
                    Exercises.run(operation);
                } catch (Throwable expected) {
                    // A working probe throws here; anything else means it did not fire, which hasFired tells.
                }
                synchronized (this) {
                    finished++;
                    notifyAll();
                }
            }
        }
    }

    /** @param outputs where detections and meters go, as far as is known when this is printed */
    String describe(Options options, List<String> outputs) {
        String jdk = "JDK " + Runtime.version().feature();
        StringBuilder settings = new StringBuilder("mode=").append(options.mode());
        for (String output : outputs) {
            settings.append(", ").append(output);
        }
        settings.append(", stall-threshold=")
                .append(options.stallThreshold() != null ? options.stallThreshold().toMillis() + "ms" : "off");
        if (notProbed.isEmpty()) {
            return "loopguard: active on " + jdk + ", " + operations + " operations probed, " + settings;
        }
        return "loopguard: active on " + jdk + ", " + (operations - notProbed.size()) + " of " + operations
                + " operations probed, " + settings + "; NOT probed on this JDK, so these calls will be missed: "
                + String.join(", ", notProbed);
    }
}
