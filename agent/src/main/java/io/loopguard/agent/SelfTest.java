package io.loopguard.agent;

import io.loopguard.agent.catalog.BlockingOperation;
import io.loopguard.agent.config.Options;
import io.loopguard.agent.detect.Detector;
import io.loopguard.agent.detect.SelfTestCanary;
import io.loopguard.bootstrap.Probe;
import io.loopguard.bootstrap.ThreadState;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Proves at start-up that every probe fires on this JDK: each operation's exercise runs on a canary
 * thread, where a working probe throws at once instead of blocking. A probe that did not take is
 * named in the start-up line instead of silently missing calls.
 */
final class SelfTest {
    private static final long EXERCISE_TIMEOUT_MILLIS = 2_000;

    private final int operations;
    private final List<String> notProbed;

    private SelfTest(int operations, List<String> notProbed) {
        this.operations = operations;
        this.notProbed = notProbed;
    }

    static SelfTest run(Detector detector, List<BlockingOperation> operations, BitSet probed) {
        SelfTestCanary canary = new SelfTestCanary();
        detector.useCanary(canary);
        List<String> notProbed = new ArrayList<>();
        // Waiting for the canaries is the agent's own blocking, even on a thread the threads option names.
        ThreadState state = Probe.allow();
        try {
            for (int id = 0; id < operations.size(); id++) {
                BlockingOperation operation = operations.get(id);
                if (probed.get(id)) {
                    exercise(canary, operation);
                }
                if (!canary.hasFired(id)) {
                    notProbed.add(operation.name());
                }
            }
        } finally {
            Probe.disallow(state);
        }
        return new SelfTest(operations.size(), notProbed);
    }

    private static void exercise(SelfTestCanary canary, BlockingOperation operation) {
        Thread thread = canary.newThread(() -> {
            try {
                operation.exercise().run();
            } catch (Throwable expected) {
                // A working probe throws here; anything else means it did not fire, which hasFired tells.
            }
        });
        thread.start();
        try {
            thread.join(EXERCISE_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @param outputs where detections and meters go, as far as is known when this is printed */
    String describe(Options options, List<String> outputs) {
        String jdk = "JDK " + Runtime.version().feature();
        String settings = "mode=" + options.mode() + outputs.stream().map(output -> ", " + output).collect(Collectors.joining())
                + ", stall-threshold=" + (options.stallThreshold() != null ? options.stallThreshold().toMillis() + "ms" : "off");
        if (notProbed.isEmpty()) {
            return "loopguard: active on " + jdk + ", " + operations + " operations probed, " + settings;
        }
        return "loopguard: active on " + jdk + ", " + (operations - notProbed.size()) + " of " + operations
                + " operations probed, " + settings + "; NOT probed on this JDK, so these calls will be missed: "
                + String.join(", ", notProbed);
    }
}
