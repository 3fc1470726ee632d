package io.loopguard.corpus.dao;

/** Waits between attempts, the blocking way. */
final class RetryPolicy {

    void pause(int attempt) throws InterruptedException {
        Thread.sleep(10L << attempt);
    }
}
