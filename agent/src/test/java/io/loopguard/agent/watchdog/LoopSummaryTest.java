package io.loopguard.agent.watchdog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The summary at exit: one line per event loop, at most twenty, nothing when no loop ran. */
class LoopSummaryTest {

    @Test
    void oneLinePerLoopWithItsDelayBusyTimeAndStalls() {
        LoopStats measured = new LoopStats("loop-1", 40, 1_000_000, 2_500_000, 120_000_000, 0.25, 0.125, 1,
                600_000_000, true);
        LoopStats unmeasured = new LoopStats("loop-2", 0, 0, 0, 0, 0, 0, 2, 0, false);

        assertEquals("""
                loopguard: event loop "loop-1": delay p50 1.00 ms, p99 2.50 ms, max 120.00 ms (40 probes); busy 12.5% \
                (last second 25.0%); 1 stall, 600.00 ms in all
                loopguard: event loop "loop-2": delay not measured (no probe task ran on it); busy 0.0% (last second \
                0.0%); 2 stalls, 0.00 ms in all
                """, print(List.of(measured, unmeasured)));
    }

    @Test
    void manyLoopsAreCountedAfterTheFirstTwenty() {
        List<LoopStats> loops = IntStream.range(0, 23)
                .mapToObj(i -> new LoopStats("loop-" + i, 0, 0, 0, 0, 0, 0, 0, 0, true)).toList();

        String[] lines = print(loops).split("\n");

        assertEquals(21, lines.length);
        assertEquals("loopguard: ... and 3 more event loops", lines[20]);
    }

    @Test
    void nothingWhenNoLoopRan() {
        assertEquals("", print(List.of()));
    }

    private static String print(List<LoopStats> loops) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LoopSummary(new Measured(loops), new PrintStream(out, true, StandardCharsets.UTF_8)).print();
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private record Measured(List<LoopStats> loops) implements LoopMonitor {
        @Override
        public void addStallListener(StallListener listener) {
        }

        @Override
        public void addDelayListener(DelayListener listener) {
        }
    }
}
