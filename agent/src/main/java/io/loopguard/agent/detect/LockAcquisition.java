package io.loopguard.agent.detect;

import io.loopguard.agent.catalog.Catalog;
import io.loopguard.agent.common.ClassOrigin;
import java.util.Optional;

/** Tells a lock or semaphore being taken from a latch waiting: both wait in {@code AbstractQueuedSynchronizer.acquire}. */
final class LockAcquisition {
    private static final String SYNCHRONIZER = "java.util.concurrent.locks.AbstractQueuedSynchronizer";
    private static final StackWalker WALKER = StackWalker.getInstance();

    private LockAcquisition() {
    }

    /** Whether the current thread, inside {@code acquire}, takes one of the {@link Catalog#LOCKS}: its caller says. */
    static boolean current() {
        Optional<String> caller = WALKER.walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(type -> !ClassOrigin.isLoopguard(type) && !type.equals(SYNCHRONIZER))
                .findFirst());
        return caller.isPresent() && Catalog.LOCKS.stream().anyMatch(lock -> caller.get().equals(lock)
                || caller.get().startsWith(lock + "$"));
    }
}
