package io.loopguard.demo.show;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The show's first step, before the server starts: {@code loopguard scan} on the demo's own jar, which finds the
 * /blocking handler's blocking calls in the bytecode. Prints each finding's call, where it is, and its entry point.
 */
final class BuildTimeScan {

    private BuildTimeScan() {
    }

    static void run(Path agent, Path demoJar, PrintStream out) throws IOException, InterruptedException {
        out.printf("Before the server starts, loopguard scan reads the demo's jar (%s):%n", demoJar.getFileName());
        // The demo's own class path holds its libraries (Netty, JDBC, Jedis): the paths run through them.
        Process scan = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                agent.toString(), "scan", "--quiet", "--packages", "io.loopguard.demo",
                "--classpath", System.getProperty("java.class.path"), demoJar.toString())
                .redirectErrorStream(true).start();
        String report = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        scan.waitFor();
        for (String finding : report.split("\n\n")) {
            List<String> lines = finding.lines().toList();
            if (lines.isEmpty() || !lines.get(0).startsWith("blocking call on an event loop: ")) {
                out.println("  " + finding.strip());
                continue;
            }
            List<String> frames = lines.stream().filter(line -> line.startsWith("    at ")).toList();
            out.println();
            out.println("  " + lines.get(0).substring("blocking call on an event loop: ".length()));
            out.println("      " + frames.get(0).strip());
            if (frames.size() > 1) {
                out.println("      ... " + (frames.size() - 1) + " calls from " + frames.get(frames.size() - 1).strip());
            }
        }
        out.println();
    }
}
