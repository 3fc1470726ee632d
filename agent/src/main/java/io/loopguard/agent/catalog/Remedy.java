package io.loopguard.agent.catalog;

/** The one-line advice a report gives for each kind of blocking operation. */
public enum Remedy {
    SLEEP("sleeping here stalls every connection this thread serves: schedule the rest of the work"
            + " with eventLoop.schedule(...) or a timer instead"),
    WAIT_FOR_OTHER_THREAD("waiting for another thread here stalls this thread: chain a callback"
            + " (thenAccept, addListener, subscribe) instead of waiting, or move the wait to a worker pool"),
    CONTENDED_LOCK("a contended lock makes this thread wait for another one: keep critical sections tiny,"
            + " use a non-blocking structure, or move this work to a worker pool");

    private final String hint;

    Remedy(String hint) {
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
