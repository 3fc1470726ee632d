package io.loopguard.demo.show;

import io.loopguard.demo.cli.DemoOptions;
import io.loopguard.demo.client.NettyHttpClient;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The show's last step, incident mode: the same server started without Loopguard, its event loops already
 * serving, gets the agent with {@code attach PID}; {@code status PID} names the blocking call, and
 * {@code detach PID} takes the agent out again. No restart.
 */
final class AttachToRunningServer {
    private static final String BLOCKING_CALLS = "blocking call";

    private AttachToRunningServer() {
    }

    static void run(Path agent, DemoOptions options, NettyHttpClient client, Path work, PrintStream out)
            throws Exception {
        out.printf("%nIn production: the same server started without Loopguard, its event loops serving for a while,"
                + " found by attaching to it (no restart):%n");
        try (ServerProcess server = ServerProcess.start(null, null, work.resolve("attached-server.stderr"),
                options.serveArguments())) {
            String pid = Long.toString(server.pid());
            String blocking = "/blocking/work?ms=" + options.workTime().toMillis();
            client.get(server.address(), blocking, options.timeout()).join();
            command(agent, out, "attach", pid).stream().filter(line -> line.startsWith("loopguard: active"))
                    .forEach(line -> out.println("    " + line));
            for (int i = 0; i < 2; i++) {
                client.get(server.address(), blocking, options.timeout()).join();
            }
            out.printf("  (2 requests to %s)%n", blocking);
            List<String> status = command(agent, out, "status", pid);
            blockingCallsSummary(status).forEach(line -> out.println("    " + line));
            command(agent, out, "detach", pid).stream().filter(line -> line.startsWith("loopguard: detached"))
                    .forEach(line -> out.println("    " + line));
        }
    }

    /** Runs {@code java -jar loopguard-agent.jar COMMAND PID} as an operator would, in a terminal of its own. */
    private static List<String> command(Path agent, PrintStream out, String command, String pid)
            throws IOException, InterruptedException {
        out.printf("  $ java -jar %s %s %s%n", agent.getFileName(), command, pid);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", agent.toString(), command, pid).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("loopguard " + command + " " + pid + " failed:\n" + output);
        }
        return output.lines().toList();
    }

    /** The status's blocking-call summary: its headline and one line per call site. */
    private static List<String> blockingCallsSummary(List<String> status) {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : status) {
            if (line.startsWith("loopguard: summary:")) {
                inside = line.contains(BLOCKING_CALLS);
            } else if (!line.startsWith("loopguard:        ")) {
                inside = false;
            }
            if (inside) {
                lines.add(line);
            }
        }
        return lines;
    }
}
