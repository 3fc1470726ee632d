package io.loopguard.agent.command;

import com.sun.tools.attach.AgentLoadException;
import com.sun.tools.attach.VirtualMachine;
import io.loopguard.agent.common.AttachProtocol;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Another JVM of this user's, reached through the JDK's attach API: what the incident-mode commands load the
 * agent into and talk to. Every way it can fail is one {@link Refusal} sentence.
 */
final class TargetJvm implements AutoCloseable {

    private final String pid;
    private final VirtualMachine vm;

    private TargetJvm(String pid, VirtualMachine vm) {
        this.pid = pid;
        this.vm = vm;
    }

    /** Attaches to the JVM with this process id. */
    static TargetJvm attach(String pid) throws Refusal {
        long id;
        try {
            id = Long.parseLong(pid);
        } catch (NumberFormatException notANumber) {
            throw new Refusal("'" + pid + "' is not a process id (a number, as `java -jar loopguard-agent.jar list` shows)");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(id);
        if (process.isEmpty()) {
            throw new Refusal("there is no process with PID " + pid);
        }
        requireAttachModule();
        try {
            return new TargetJvm(pid, VirtualMachine.attach(pid));
        } catch (Exception e) {
            String owner = process.get().info().user().orElse(null);
            String me = System.getProperty("user.name");
            if (owner != null && !owner.equals(me) && !"root".equals(me)) {
                throw new Refusal("PID " + pid + " belongs to the user '" + owner + "': attach works only for"
                        + " the JVMs of the user who runs the command (run it as '" + owner + "')");
            }
            throw new Refusal("cannot attach to PID " + pid + " (" + e.getMessage() + "): it is not a JVM, or it"
                    + " was started with -XX:+DisableAttachMechanism");
        }
    }

    /** The JDK's attach API is in the {@code jdk.attach} module, which a JRE or a small runtime image lacks. */
    static void requireAttachModule() throws Refusal {
        if (ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
            throw new Refusal("this Java runtime (" + System.getProperty("java.home") + ") has no jdk.attach module;"
                    + " run the command with a full JDK's java");
        }
    }

    String pid() {
        return pid;
    }

    Properties systemProperties() throws Refusal {
        try {
            return vm.getSystemProperties();
        } catch (IOException e) {
            throw new Refusal("cannot read the system properties of PID " + pid + " (" + e.getMessage() + ")");
        }
    }

    /** The running agent's version and options, or {@code null} when Loopguard does not run there. */
    String runningAgent() throws Refusal {
        return systemProperties().getProperty(AttachProtocol.RUNNING_PROPERTY);
    }

    /** Loads the agent jar with these options; its start-up runs in the target before this returns. */
    void loadAgent(String options) throws Refusal {
        try {
            vm.loadAgent(agentJar().toString(), options);
        } catch (AgentLoadException | IOException | com.sun.tools.attach.AgentInitializationException e) {
            throw new Refusal("loading the agent into PID " + pid + " failed (" + e.getMessage() + ")");
        }
    }

    /**
     * Asks the running agent for {@code command} ({@code started}, {@code status}, {@code detach}) and returns
     * its answer, through a file only this user can read.
     */
    String control(String command) throws Refusal {
        Path reply = null;
        try {
            reply = Files.createTempFile("loopguard-" + command + "-", ".txt");
            loadAgent(AttachProtocol.CONTROL_PREFIX + command + ":" + reply);
            String answer = Files.readString(reply, StandardCharsets.UTF_8);
            int newline = answer.indexOf('\n');
            if (newline < 0) {
                throw new Refusal("PID " + pid + " did not answer the '" + command + "' command; its stderr may say why");
            }
            if (!answer.startsWith("ok\n")) {
                throw new Refusal(answer.substring(newline + 1) + " (PID " + pid + ")");
            }
            return answer.substring(newline + 1);
        } catch (IOException e) {
            throw new Refusal("cannot make the file PID " + pid + " answers in (" + e.getMessage() + ")");
        } finally {
            if (reply != null) {
                try {
                    Files.deleteIfExists(reply);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            vm.detach();
        } catch (IOException ignored) {
            // the target went away; nothing to release
        }
    }

    /** This jar, which the command runs from. */
    static Path agentJar() throws Refusal {
        try {
            return Path.of(TargetJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new Refusal("cannot locate the Loopguard agent jar (" + e + ")");
        }
    }

    /** Why a command could not do what was asked: one sentence for the user. */
    static final class Refusal extends Exception {
        Refusal(String message) {
            super(message);
        }
    }
}
