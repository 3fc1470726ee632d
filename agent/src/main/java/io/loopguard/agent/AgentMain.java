package io.loopguard.agent;

import io.loopguard.agent.common.AttachProtocol;
import io.loopguard.agent.instrument.BootstrapJar;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The agent's entry point, for {@code -javaagent:loopguard-agent.jar[=options]} and for attaching to a
 * running JVM. It must not touch the classes that go on the bootstrap class path before they are there,
 * so it only puts them there and hands over to {@link Startup}.
 *
 * <p>{@code java -jar loopguard-agent.jar status|detach PID} loads the agent again with
 * {@code control:COMMAND:REPLY-FILE} instead of options: the running agent answers in that file, which the
 * command created for its own user. No port is opened for it.
 */
public final class AgentMain {
    private static RunningAgent running;
    private static boolean started;

    private AgentMain() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, false);
    }

    public static void agentmain(String options, Instrumentation instrumentation) {
        if (options != null && options.startsWith(AttachProtocol.CONTROL_PREFIX)) {
            control(options.substring(AttachProtocol.CONTROL_PREFIX.length()));
        } else {
            start(options, instrumentation, true);
        }
    }

    private static synchronized void start(String options, Instrumentation instrumentation, boolean attachedLate) {
        if (started) {
            System.err.println("loopguard: already active in this JVM; the second start is ignored");
            return;
        }
        started = true;
        try {
            BootstrapJar.define(instrumentation);
            running = Startup.start(options, instrumentation, attachedLate);
        } catch (Throwable problem) {
            System.err.println("loopguard: could not start (" + problem + "); the application runs without Loopguard");
        }
    }

    /** Runs {@code command} ({@code started}, {@code status} or {@code detach}) and writes its answer to the reply file. */
    private static synchronized void control(String request) {
        int colon = request.indexOf(':');
        String command = colon < 0 ? request : request.substring(0, colon);
        Path reply = colon < 0 ? null : Path.of(request.substring(colon + 1));
        String answer;
        if (running == null) {
            answer = "not-running\nLoopguard is not running in this JVM";
        } else if (command.equals("started")) {
            answer = "ok\n" + running.startLine();
        } else if (command.equals("status")) {
            answer = "ok\n" + running.status();
        } else if (command.equals("detach")) {
            long millis = running.detach();
            running = null;
            started = false;
            answer = "ok\nloopguard: detached; classes restored to their original bytecode in " + millis + " ms";
        } else {
            answer = "unknown\nno control command '" + command + "'";
        }
        if (reply != null) {
            try {
                // The reply file exists already, made by the command for its own user: never created here.
                Files.writeString(reply, answer, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException | RuntimeException e) {
                System.err.println("loopguard: cannot answer the '" + command + "' command (" + e + ")");
            }
        }
    }
}
