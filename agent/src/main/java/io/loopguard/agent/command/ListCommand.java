package io.loopguard.agent.command;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import java.io.PrintStream;
import java.util.List;

/** {@code list}: the JVMs this user can attach to, and which run Loopguard already. */
final class ListCommand implements Command {

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.println("Usage: java -jar loopguard-agent.jar list");
            return 0;
        }
        try {
            TargetJvm.requireAttachModule();
        } catch (TargetJvm.Refusal refusal) {
            err.println("loopguard: " + refusal.getMessage());
            return IncidentCommand.REFUSED;
        }
        String self = Long.toString(ProcessHandle.current().pid());
        out.printf("%-8s %-40s %s%n", "PID", "Loopguard", "main class or jar");
        for (VirtualMachineDescriptor jvm : VirtualMachine.list()) {
            if (!jvm.id().equals(self)) {
                out.printf("%-8s %-40s %s%n", jvm.id(), loopguard(jvm.id()), jvm.displayName());
            }
        }
        return 0;
    }

    private static String loopguard(String pid) {
        try (TargetJvm target = TargetJvm.attach(pid)) {
            String running = target.runningAgent();
            return running == null ? "-" : running;
        } catch (TargetJvm.Refusal refusal) {
            return "? (cannot attach)";
        }
    }
}
