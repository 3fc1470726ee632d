package io.loopguard.agent.threads;

import java.util.regex.Pattern;

/**
 * Decides, once per thread, whether a thread must never block for its whole life. Event loops found by
 * {@link EventLoopEntryPoints} are designated separately, while they run.
 */
public final class DesignatedThreads {
    private final Pattern threadNames;

    /** @param threadNames the {@code threads} option, or {@code null} */
    public DesignatedThreads(Pattern threadNames) {
        this.threadNames = threadNames;
    }

    public boolean isDesignated(Thread thread) {
        if (thread instanceof AgentThread) {
            return false;
        }
        return threadNames != null && threadNames.matcher(thread.getName()).matches();
    }
}
