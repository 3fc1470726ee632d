package demo;

import io.loopguard.api.RunsOnEventLoop;

/** The application's own event loop; one turn sleeps, which blocks every task queued behind it. */
public final class Loop {

    @RunsOnEventLoop
    public void turn() throws InterruptedException {
        Thread.sleep(10);
    }
}
