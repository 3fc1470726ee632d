package io.loopguard.agent.command;

import java.io.PrintStream;
import java.util.List;

/** {@code attach PID [options]}: starts Loopguard in a running JVM and prints its start-up line here. */
final class AttachCommand extends IncidentCommand {

    AttachCommand() {
        super("attach PID [key=value,...]   (the agent's options, as after -javaagent:loopguard-agent.jar=)");
    }

    @Override
    int run(TargetJvm target, List<String> arguments, PrintStream out) throws TargetJvm.Refusal {
        String running = target.runningAgent();
        if (running != null) {
            throw new TargetJvm.Refusal("Loopguard already runs in PID " + target.pid() + " (" + running
                    + "); detach it first to attach it with other options");
        }
        String version = target.systemProperties().getProperty("java.specification.version", "");
        if (!version.matches("\\d+") || Integer.parseInt(version) < 17) {
            throw new TargetJvm.Refusal("PID " + target.pid() + " runs Java " + version
                    + "; Loopguard needs Java 17 or later");
        }
        target.loadAgent(String.join(",", arguments));
        out.println(target.control("started"));
        return 0;
    }
}
