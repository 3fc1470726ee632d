package io.loopguard.benchmarks.startup;

import io.loopguard.benchmarks.harness.Agent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import reactor.blockhound.BlockHound;

/**
 * A program that does nothing but start, so its wall time and peak memory are the JVM's and the agent's.
 * It prints its peak resident set size ({@code VmHWM} from {@code /proc/self/status}) just before it ends.
 *
 * <p>Argument: the {@link Agent} the JVM runs with (BlockHound is installed here, as its users do, and a
 * self-attached Loopguard attached here, as the JUnit extension does).
 */
public final class TrivialMain {
    private TrivialMain() {
    }

    public static void main(String[] args) throws IOException {
        Agent agent = Agent.fromArgument(args[0]);
        if (agent == Agent.BLOCKHOUND) {
            BlockHound.install();
        }
        agent.attachIfSelfAttached();
        String peak = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmHWM:"))
                .findFirst().orElseThrow()
                .replaceAll("[^0-9]", "");
        System.out.println("peak-rss-kib " + peak);
    }
}
