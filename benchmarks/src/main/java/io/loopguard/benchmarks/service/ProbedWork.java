package io.loopguard.benchmarks.service;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * JDK work in classes the agents instrument that does not block: a lock nobody else holds (its probe is on
 * the contended path) and a map update. Each event loop has its own, so that with several loops the lock stays
 * uncontended (a shared one made loops wait for each other, which both agents rightly report).
 */
final class ProbedWork {
    private static final ThreadLocal<ProbedWork> PER_LOOP = ThreadLocal.withInitial(ProbedWork::new);

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Integer, Long> lastSeen = new HashMap<>();
    private long requests;

    private ProbedWork() {
    }

    static void run() {
        PER_LOOP.get().update();
    }

    private void update() {
        lock.lock();
        try {
            requests++;
            lastSeen.put((int) (requests & 1023), requests);
        } finally {
            lock.unlock();
        }
    }
}
