package io.loopguard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopguard.BlockingCallError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A pattern designates threads already judged and threads judged later, and only while it is active. */
class ExtraDesignatedThreadsTest {
    private static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());

    private final List<ExecutorService> pools = new ArrayList<>();

    @BeforeAll
    static void installListener() {
        Probe.install(new ProbeListener() {
            @Override
            public boolean isDesignated(Thread thread) {
                return false;
            }

            @Override
            public BlockingCallError blockingCall(int operation) {
                CALLS.add(Thread.currentThread().getName());
                return null;
            }
        });
    }

    @AfterEach
    void stopPools() {
        pools.forEach(ExecutorService::shutdownNow);
        CALLS.clear();
    }

    @Test
    void aThreadJudgedBeforeThePatternIsDesignatedWhileItIsActive() throws Exception {
        ExecutorService worker = pool("sample-worker-1");
        ExecutorService other = pool("other-1");
        probeOn(worker);
        probeOn(other);
        assertEquals(List.of(), CALLS, "no pattern yet");

        Pattern pattern = Pattern.compile("sample-worker-\\d+");
        ExtraDesignatedThreads.add(pattern);
        probeOn(worker);
        probeOn(other);
        assertEquals(List.of("sample-worker-1"), CALLS, "the matching thread only, while the pattern is active");

        ExtraDesignatedThreads.remove(pattern);
        probeOn(worker);
        assertEquals(List.of("sample-worker-1"), CALLS, "nothing after the pattern is removed");
    }

    @Test
    void aThreadFirstJudgedWhileThePatternIsActiveIsDesignatedUntilItIsRemoved() throws Exception {
        Pattern pattern = Pattern.compile("late-worker");
        ExtraDesignatedThreads.add(pattern);
        ExecutorService worker = pool("late-worker");
        probeOn(worker);
        assertEquals(List.of("late-worker"), CALLS);

        ExtraDesignatedThreads.remove(pattern);
        probeOn(worker);
        assertEquals(List.of("late-worker"), CALLS);
    }

    @Test
    void aPatternAddedTwiceStaysActiveUntilBothAreRemoved() throws Exception {
        Pattern pattern = Pattern.compile("twice-worker");
        ExecutorService worker = pool("twice-worker");
        ExtraDesignatedThreads.add(pattern);
        ExtraDesignatedThreads.add(pattern);
        ExtraDesignatedThreads.remove(pattern);
        probeOn(worker);
        assertEquals(List.of("twice-worker"), CALLS);

        ExtraDesignatedThreads.remove(pattern);
        probeOn(worker);
        assertEquals(List.of("twice-worker"), CALLS);
    }

    /** A probed blocking call on the pool's thread; the submit and the wait order it with this thread's changes. */
    private static void probeOn(ExecutorService pool) throws Exception {
        pool.submit(() -> Probe.exit(Probe.enter(0))).get();
    }

    private ExecutorService pool(String threadName) {
        ExecutorService pool = Executors.newSingleThreadExecutor(task -> new Thread(task, threadName));
        pools.add(pool);
        return pool;
    }
}
