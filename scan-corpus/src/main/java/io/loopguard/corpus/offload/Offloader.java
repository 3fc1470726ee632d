package io.loopguard.corpus.offload;

import java.util.concurrent.ExecutorService;

/** The application's own helper that hands work to a worker pool. */
final class Offloader {
    private final ExecutorService workers;

    Offloader(ExecutorService workers) {
        this.workers = workers;
    }

    void run(Runnable task) {
        workers.submit(task);
    }
}
