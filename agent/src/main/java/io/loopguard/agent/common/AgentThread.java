package io.loopguard.agent.common;

/** A thread the agent itself runs: never designated, so the agent's own I/O is never reported. */
public final class AgentThread extends Thread {

    public AgentThread(String name, Runnable task) {
        super(task, name);
        setDaemon(true);
    }
}
