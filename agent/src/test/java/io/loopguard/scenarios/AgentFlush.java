package io.loopguard.scenarios;

/** Waits, as the JUnit extension does, until the agent's reporting thread wrote every detection made so far. */
final class AgentFlush {

    private AgentFlush() {
    }

    static void await() throws Exception {
        // The agent defines this class in the bootstrap loader; without the agent there is nothing to wait for.
        Object done = Class.forName("io.loopguard.bootstrap.DetectionSubscribers").getMethod("flush", long.class)
                .invoke(null, 60_000L);
        if (!Boolean.TRUE.equals(done)) {
            throw new IllegalStateException("the agent did not write its detections within 60 s");
        }
    }
}
