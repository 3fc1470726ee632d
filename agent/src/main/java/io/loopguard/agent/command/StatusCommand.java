package io.loopguard.agent.command;

import java.io.PrintStream;
import java.util.List;

/** {@code status PID}: what the agent running in that JVM has found so far. */
final class StatusCommand extends IncidentCommand {

    StatusCommand() {
        super("status PID");
    }

    @Override
    int run(TargetJvm target, List<String> arguments, PrintStream out) throws TargetJvm.Refusal {
        requireRunning(target);
        out.println(target.control("status"));
        return 0;
    }

    static void requireRunning(TargetJvm target) throws TargetJvm.Refusal {
        if (target.runningAgent() == null) {
            throw new TargetJvm.Refusal("Loopguard does not run in PID " + target.pid()
                    + "; start it with: java -jar loopguard-agent.jar attach " + target.pid());
        }
    }
}
