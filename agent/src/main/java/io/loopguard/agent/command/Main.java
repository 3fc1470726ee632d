package io.loopguard.agent.command;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar loopguard-agent.jar COMMAND [arguments]}: finds the command by name and runs it. A command's
 * class is loaded only when it runs, so nothing here weighs on the agent's own start-up.
 */
public final class Main {

    /** Every command: its name, what it does in one line, and the class that runs it. */
    static final List<Subcommand> COMMANDS = List.of(
            new Subcommand("scan", "lists the paths from event-loop entry points to blocking calls in compiled"
                    + " classes and jars, before anything runs", "io.loopguard.agent.scan.ScanCommand"),
            new Subcommand("list", "the running JVMs you can attach to, and which run Loopguard",
                    "io.loopguard.agent.command.ListCommand"),
            new Subcommand("attach", "starts Loopguard in a running JVM: attach PID [options]",
                    "io.loopguard.agent.command.AttachCommand"),
            new Subcommand("status", "what Loopguard has found so far in a running JVM: status PID",
                    "io.loopguard.agent.command.StatusCommand"),
            new Subcommand("detach", "removes Loopguard from a running JVM, restoring its classes: detach PID",
                    "io.loopguard.agent.command.DetachCommand"));

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            printHelp(args.isEmpty() ? err : out);
            return args.isEmpty() ? Command.USAGE_ERROR : 0;
        }
        for (Subcommand subcommand : COMMANDS) {
            if (subcommand.name().equals(args.get(0))) {
                return subcommand.create().run(args.subList(1, args.size()), out, err);
            }
        }
        err.println("loopguard: there is no command '" + args.get(0) + "'; run with --help to see the commands");
        return Command.USAGE_ERROR;
    }

    private static void printHelp(PrintStream out) {
        out.println("Usage: java -jar loopguard-agent.jar COMMAND [arguments]   (COMMAND --help for its options)");
        out.println("As an agent: java -javaagent:loopguard-agent.jar[=options] -jar your-application.jar");
        out.println();
        out.println("Commands:");
        for (Subcommand subcommand : COMMANDS) {
            out.printf("  %-8s %s%n", subcommand.name(), subcommand.summary());
        }
    }

    /** A command's name, its one-line summary and the {@link Command} class that runs it. */
    record Subcommand(String name, String summary, String className) {

        Command create() {
            try {
                return (Command) Class.forName(className).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the command '" + name + "' is missing from this jar (" + e + ")", e);
            }
        }
    }
}
