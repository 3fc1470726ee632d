package io.loopguard.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.agent.detect.Detection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The queue is bounded and counts what does not fit: every detection offered is delivered or counted as dropped. */
class DetectionQueueTest {
    private static final Supplier<Detection> NOTHING = () -> null;

    @Test
    void whatDoesNotFitIsCountedOnce() {
        DetectionQueue queue = new DetectionQueue(3);
        int accepted = 0;
        for (int i = 0; i < 5; i++) {
            accepted += queue.offer(NOTHING) ? 1 : 0;
        }
        assertEquals(3, accepted);
        assertEquals(2, queue.takeDropped());
        assertEquals(0, queue.takeDropped(), "taking the count resets it");
        assertEquals(3, drain(queue));
        assertTrue(queue.isEmpty());
        assertNull(queue.poll());
    }

    @Test
    void aDrainedQueueHasRoomAgain() {
        DetectionQueue queue = new DetectionQueue(1);
        assertTrue(queue.offer(NOTHING));
        assertFalse(queue.offer(NOTHING));
        assertEquals(1, drain(queue));
        assertTrue(queue.offer(NOTHING));
        assertEquals(1, queue.takeDropped());
    }

    @Test
    void offeredIsDeliveredPlusDroppedWhileManyThreadsOfferAndOneDrains() throws InterruptedException {
        DetectionQueue queue = new DetectionQueue(64);
        int threads = 4;
        int each = 20_000;
        CountDownLatch done = new CountDownLatch(threads);
        AtomicLong refused = new AtomicLong();
        List<Thread> offering = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            offering.add(new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    if (!queue.offer(NOTHING)) {
                        refused.incrementAndGet();
                    }
                }
                done.countDown();
            }));
        }
        offering.forEach(Thread::start);
        long delivered = 0;
        long dropped = 0;
        while (done.getCount() > 0 || !queue.isEmpty()) {
            delivered += drain(queue);
            dropped += queue.takeDropped();
        }
        dropped += queue.takeDropped();
        assertEquals((long) threads * each, delivered + dropped);
        assertEquals(refused.get(), dropped, "each refused offer is counted as dropped, once");
    }

    private static long drain(DetectionQueue queue) {
        long taken = 0;
        while (queue.poll() != null) {
            taken++;
        }
        return taken;
    }
}
