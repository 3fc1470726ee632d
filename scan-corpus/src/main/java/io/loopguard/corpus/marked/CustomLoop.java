package io.loopguard.corpus.marked;

import io.loopguard.api.RunsOnEventLoop;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** The application's own event loop, which no framework describes: its user marks it, or names it with --entry. */
public final class CustomLoop {
    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();

    @RunsOnEventLoop
    public void turn() throws InterruptedException {
        inbox.take().run();
    }

    /** Named on the scan's command line with --entry. */
    public void tick() throws Exception {
        Process process = new ProcessBuilder("date").start();
        process.waitFor();
    }
}
