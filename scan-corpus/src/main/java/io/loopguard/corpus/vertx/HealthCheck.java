package io.loopguard.corpus.vertx;

import io.vertx.core.Handler;

/** A timer handler that runs on the event loop and sleeps there. */
final class HealthCheck implements Handler<Long> {

    @Override
    public void handle(Long timerId) {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
