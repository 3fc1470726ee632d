package io.loopguard.agent.command;

import java.io.PrintStream;
import java.util.List;

/** A command about one running JVM, named by its PID: the shape {@code attach}, {@code status} and {@code detach} share. */
abstract class IncidentCommand implements Command {
    /** Exit code when the JVM cannot be attached to or asked: the line on stderr says why. */
    static final int REFUSED = 1;

    private final String usage;

    IncidentCommand(String usage) {
        this.usage = usage;
    }

    @Override
    public final int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty() || arguments.contains("--help") || arguments.contains("-h")) {
            (arguments.isEmpty() ? err : out).println("Usage: java -jar loopguard-agent.jar " + usage);
            return arguments.isEmpty() ? USAGE_ERROR : 0;
        }
        try (TargetJvm target = TargetJvm.attach(arguments.get(0))) {
            return run(target, arguments.subList(1, arguments.size()), out);
        } catch (TargetJvm.Refusal refusal) {
            err.println("loopguard: " + refusal.getMessage());
            return REFUSED;
        }
    }

    abstract int run(TargetJvm target, List<String> arguments, PrintStream out) throws TargetJvm.Refusal;
}
