package io.loopguard.demo.backend;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** A dependency that takes a while to answer, reachable both the blocking way and the non-blocking way. */
public interface SlowBackend extends AutoCloseable {

    /** Waits for the answer on the calling thread: fine on a worker, the death spiral on an event loop. */
    String callBlocking(Duration time) throws Exception;

    /** Starts the call and returns at once; the answer completes the stage on {@code loop}. */
    CompletionStage<String> callAsync(Duration time, EventLoop loop);

    /** What it is, for the start-up line. */
    String describe();

    @Override
    void close();
}
