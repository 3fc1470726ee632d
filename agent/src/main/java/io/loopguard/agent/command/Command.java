package io.loopguard.agent.command;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code java -jar loopguard-agent.jar}: runs with its arguments and returns the exit code. */
public interface Command {

    /** Exit code for a command line the command cannot run: a bad option or a missing argument. */
    int USAGE_ERROR = 2;

    int run(List<String> arguments, PrintStream out, PrintStream err);
}
