package io.loopguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Percentage;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** Once a period per running event loop: how late a tiny task put on it started, and how busy it was. */
@Name("io.loopguard.LoopDelay")
@Label("Event Loop Delay")
@Category("Loopguard")
@Description("How late a tiny task put on the event loop started (since the loop started), and how busy the"
        + " loop was over the last second")
@Period("1 s")
@StackTrace(false)
final class LoopDelayEvent extends jdk.jfr.Event {

    @Label("Event Loop")
    String eventLoop;

    @Label("Delay p50")
    @Timespan(Timespan.NANOSECONDS)
    long delayP50;

    @Label("Delay p99")
    @Timespan(Timespan.NANOSECONDS)
    long delayP99;

    @Label("Delay Max")
    @Timespan(Timespan.NANOSECONDS)
    long delayMax;

    @Label("Delay Samples")
    long delaySamples;

    @Label("Utilization")
    @Description("Share of the last second the loop spent in tasks")
    @Percentage
    double utilization;

    @Label("Stalls")
    @Description("Tasks that ran longer than the stall threshold, since the loop started")
    long stalls;
}
