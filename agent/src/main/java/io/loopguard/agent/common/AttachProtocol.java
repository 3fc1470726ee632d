package io.loopguard.agent.common;

/** How the incident-mode commands and the agent running in another JVM understand each other. */
public final class AttachProtocol {
    /** The system property the running agent sets to its version and options; gone after a detach. */
    public static final String RUNNING_PROPERTY = "loopguard.agent.running";
    /** Agent arguments {@code control:COMMAND:REPLY-FILE} ask the running agent, instead of starting one. */
    public static final String CONTROL_PREFIX = "control:";

    private AttachProtocol() {
    }
}
