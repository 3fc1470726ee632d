package io.loopguard.agent.detect;

import java.util.function.Consumer;

/** Times a reported blocking call on the thread that makes it, from the probe until the call returns. */
@FunctionalInterface
public interface CallTimer {

    /**
     * Starts timing a blocking call on the current thread.
     *
     * @return what takes the call's detection, on this thread, when the call returns; {@code null} when nothing
     *         records calls now. It must not throw.
     */
    Consumer<Detection> start();
}
