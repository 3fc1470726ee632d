package io.loopguard.agent;

import io.loopguard.agent.instrument.BootstrapJar;
import java.lang.instrument.Instrumentation;

/**
 * The agent's entry point, for {@code -javaagent:loopguard-agent.jar[=options]} and for attaching to a
 * running JVM. It must not touch the bootstrap module's classes before they are in the bootstrap class
 * loader, so it only puts them there and hands over to {@link Startup}.
 */
public final class AgentMain {
    private static boolean started;

    private AgentMain() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, false);
    }

    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, true);
    }

    private static synchronized void start(String options, Instrumentation instrumentation, boolean attachedLate) {
        if (started) {
            System.err.println("loopguard: already active in this JVM; the second start is ignored");
            return;
        }
        started = true;
        try {
            BootstrapJar.define(instrumentation);
            Startup.start(options, instrumentation, attachedLate);
        } catch (Throwable problem) {
            System.err.println("loopguard: could not start (" + problem + "); the application runs without Loopguard");
        }
    }
}
