package io.loopguard.agent.command;

import java.io.PrintStream;
import java.util.List;

/** {@code detach PID}: undoes the agent in that JVM; a later {@code attach} works again. */
final class DetachCommand extends IncidentCommand {

    DetachCommand() {
        super("detach PID");
    }

    @Override
    int run(TargetJvm target, List<String> arguments, PrintStream out) throws TargetJvm.Refusal {
        StatusCommand.requireRunning(target);
        out.println(target.control("detach"));
        return 0;
    }
}
