package io.loopguard.benchmarks.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * JDK work in classes the agents instrument that does not block: a lock nobody else holds (its probe is on
 * the contended path) and a map update. Only the event loop thread runs it.
 */
final class ProbedWork {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Map<Integer, Long> LAST_SEEN = new HashMap<>();
    private static long requests;

    private ProbedWork() {
    }

    static void run() {
        LOCK.lock();
        try {
            requests++;
            LAST_SEEN.put((int) (requests & 1023), requests);
        } finally {
            LOCK.unlock();
        }
    }
}
