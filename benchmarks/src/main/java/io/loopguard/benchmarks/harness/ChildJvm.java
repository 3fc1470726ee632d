package io.loopguard.benchmarks.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command for a JVM the service and start-up benchmarks measure: same class path, one agent. */
public final class ChildJvm {
    private ChildJvm() {
    }

    /** {@code java} from {@code javaHome}, with {@code agent}, running {@code main} from this jar with {@code args}. */
    public static List<String> command(Path javaHome, Agent agent, String loopguardOptions, Class<?> main,
                                       String... args) {
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(agent.jvmOptions(loopguardOptions));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }
}
