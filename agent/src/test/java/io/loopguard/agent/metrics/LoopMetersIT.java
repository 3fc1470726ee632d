package io.loopguard.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.ShortLivedLoopGroups;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import io.loopguard.testkit.Phases;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event-loop meters of an application that creates and closes event-loop groups: tagged by thread
 * group, and a group's series are removed once its loops stopped, so they do not grow without bound.
 */
class LoopMetersIT {
    private static final int GROUPS = 12;
    private static final Pattern CLIENT_GROUP = Pattern.compile("thread_group=\"(client[a-z]+-\\*)\"");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aStoppedGroupsLoopSeriesAreRemoved(Jdk jdk) throws Exception {
        int port = RunningApplication.freePort();
        Phases app = Phases.start(ForkedJvm.on(jdk).agentOptions("metrics-port=" + port),
                ShortLivedLoopGroups.class, "" + GROUPS);
        String last = ShortLivedLoopGroups.poolName(GROUPS - 1) + "-*";
        app.awaitEndOf(1);
        // The exporter retires series every half second, after the watchdog saw the loops stop.
        List<String> open = scrapeUntil(port, groups -> groups.equals(List.of(last, last)));
        assertEquals(List.of(last, last), open, "only the open group has a delay and a utilisation series");
        app.startNextAfter(1);
        app.awaitEndOf(2);
        List<String> none = scrapeUntil(port, List::isEmpty);
        assertEquals(List.of(), none, "the last group closed too");
        app.startNextAfter(2);
        ForkedJvm.Run run = app.finish().assertSucceeded();
        assertTrue(run.stdout().contains("RESULT last group open: " + ShortLivedLoopGroups.poolName(GROUPS - 1)), run.toString());
    }

    /** The client groups of the loop delay and utilisation series, scraped until {@code done} (at most 30 s). */
    private static List<String> scrapeUntil(int port, Predicate<List<String>> done) throws Exception {
        List<String> groups = List.of();
        for (int attempt = 0; attempt < 300; attempt++) {
            groups = PrometheusText.scrape(port).body().lines()
                    .filter(line -> line.startsWith("loopguard_loop_delay_seconds_count{")
                            || line.startsWith("loopguard_loop_utilization{"))
                    .map(CLIENT_GROUP::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
            if (done.test(groups)) {
                break;
            }
            Thread.sleep(100);
        }
        return groups;
    }
}
