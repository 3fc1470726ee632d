package io.loopguard.agent.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delay timer re-arms itself on the loop, shows a task that held the loop, backs off while the loop is
 * idle, and stops when told.
 */
class DelayProbeTest {
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    /** Whether the loop works between two firings: its time in tasks then grows as fast as the clock. */
    private volatile boolean working = true;

    @AfterEach
    void shutDown() {
        loop.shutdownNow();
    }

    @Test
    void samplesEveryTenMillisecondsWithoutTheWatchdog() throws Exception {
        long start = System.nanoTime();
        DelayProbe probe = startedProbe();
        Thread.sleep(500);

        List<Long> delays = collect(probe);
        assertTrue(delays.size() >= 5, "re-armed by the loop itself: " + delays.size() + " samples in 500 ms");
        int again = collect(probe).size();
        // At most one sample per 10 ms of the whole test, however late this thread ran: none collected twice.
        long possible = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / 10 + 1;
        assertTrue(delays.size() + again <= possible, delays.size() + " + " + again + " samples, at most "
                + possible + " were taken");
    }

    @Test
    void aTaskThatHoldsTheLoopShowsAsTheNextSamplesDelay() throws Exception {
        DelayProbe probe = startedProbe();
        Thread.sleep(50);
        loop.submit(() -> sleep(150)).get();
        Thread.sleep(50);

        long max = collect(probe).stream().mapToLong(Long::longValue).max().orElse(-1);
        assertTrue(max >= TimeUnit.MILLISECONDS.toNanos(100), "the timer due during the 150 ms task ran "
                + TimeUnit.NANOSECONDS.toMillis(max) + " ms late");
    }

    @Test
    void keepsTheNewestSamplesWhenCollectedLate() throws Exception {
        DelayProbe probe = startedProbe();
        Thread.sleep(1_000);

        List<Long> delays = collect(probe);
        assertTrue(delays.size() <= 64 && delays.size() >= 10, delays.size() + " samples");
    }

    @Test
    void backsOffOnAnIdleLoopAndComesBackWhenItWorks() throws Exception {
        working = false;
        DelayProbe probe = startedProbe();
        Thread.sleep(1_000);
        int idle = collect(probe).size();
        // 10, 20, 40, 80 ms, then every 100 ms: 13 firings in a second at most, against 100 on a busy loop.
        assertTrue(idle >= 2 && idle <= 14, idle + " samples in a second on an idle loop");

        working = true; // the next firing finds the loop has worked, and returns to 10 ms
        Thread.sleep(600);
        int busy = collect(probe).size();
        assertTrue(busy >= 10, busy + " samples in 600 ms once the loop worked again");
    }

    @Test
    void stopsReArmingWhenStopped() throws Exception {
        DelayProbe probe = startedProbe();
        Thread.sleep(50);
        probe.stop();
        // A timer armed before the stop is due within 10 ms and still fires once: a task due later runs after it.
        loop.schedule(() -> { }, 20, TimeUnit.MILLISECONDS).get();
        collect(probe);
        Thread.sleep(100);

        assertEquals(List.of(), collect(probe));
    }

    @Test
    void aLoopThatCannotScheduleIsNotProbed() {
        DelayProbe probe = new DelayProbe(null, () -> 0);
        probe.start();

        assertEquals(List.of(), collect(probe));
    }

    private DelayProbe startedProbe() {
        DelayProbe probe = new DelayProbe(loop, () -> working ? System.nanoTime() : 0);
        probe.start();
        return probe;
    }

    private static List<Long> collect(DelayProbe probe) {
        List<Long> delays = new ArrayList<>();
        probe.collect(delays::add);
        return delays;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
