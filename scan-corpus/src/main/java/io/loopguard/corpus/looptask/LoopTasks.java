package io.loopguard.corpus.looptask;

import io.netty.channel.EventLoop;

/** The application's helper that runs a task on an event loop, now or soon. */
final class LoopTasks {

    private LoopTasks() {
    }

    static void onLoop(EventLoop loop, Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }
}
