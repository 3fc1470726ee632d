package io.loopguard.junit;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import net.bytebuddy.agent.ByteBuddyAgent;

/**
 * Attaches the Loopguard agent to this JVM when it was started without {@code -javaagent}. The agent jar is
 * the {@code io.loopguard:loopguard-agent} artifact on the test classpath, found through one of its classes.
 * Options come from {@code -Dloopguard.<key>=value} system properties, as always.
 */
final class SelfAttach {
    private static final String AGENT_CLASS = "io/loopguard/agent/AgentMain.class";

    private SelfAttach() {
    }

    static void attach() throws IOException, URISyntaxException {
        Path jar = agentJar();
        // ByteBuddy uses the JDK's Attach API, or a short-lived helper JVM where a JVM may not attach to itself.
        ByteBuddyAgent.attach(jar.toFile(), String.valueOf(ProcessHandle.current().pid()));
    }

    private static Path agentJar() throws IOException, URISyntaxException {
        URL agentClass = SelfAttach.class.getClassLoader().getResource(AGENT_CLASS);
        if (agentClass == null) {
            throw new IllegalStateException("the agent jar (io.loopguard:loopguard-agent) is not on the test"
                    + " classpath");
        }
        if (!"jar".equals(agentClass.getProtocol())) {
            throw new IllegalStateException("the agent's classes were found at " + agentClass + ", not in the"
                    + " agent jar");
        }
        JarURLConnection connection = (JarURLConnection) agentClass.openConnection();
        connection.setUseCaches(false);
        Path jar = Path.of(connection.getJarFileURL().toURI());
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null || manifest.getMainAttributes().getValue("Agent-Class") == null) {
                throw new IllegalStateException(jar + " is not the packaged agent jar (no Agent-Class in its"
                        + " manifest)");
            }
        }
        return jar;
    }
}
