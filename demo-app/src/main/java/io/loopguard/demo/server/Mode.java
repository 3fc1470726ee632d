package io.loopguard.demo.server;

import java.util.List;

/** The three ways the demo serves the same work; each is a path prefix, e.g. {@code /blocking/work}. */
public final class Mode {
    /** The blocking call made on the event loop: the death spiral. */
    public static final String BLOCKING = "blocking";
    /** The same blocking call on a bounded worker pool; a full queue answers 503 at once. */
    public static final String OFFLOAD = "offload";
    /** A truly non-blocking version: the event loop never waits. */
    public static final String ASYNC = "async";

    public static final List<String> NAMES = List.of(BLOCKING, OFFLOAD, ASYNC);

    private Mode() {
    }
}
