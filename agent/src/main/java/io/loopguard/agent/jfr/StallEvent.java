package io.loopguard.agent.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Timestamp;

/**
 * An event-loop task that ran longer than {@code stall-threshold}, as the watchdog measured it. Recorded on
 * Loopguard's reporting thread, so its own start time and stack are not the stall's: the fields are.
 */
@Name("io.loopguard.Stall")
@Label("Event Loop Stall")
@Category("Loopguard")
@Description("An event-loop task that ran longer than the stall threshold; every connection it serves waited")
@StackTrace(false)
final class StallEvent extends jdk.jfr.Event {

    @Label("Event Loop")
    @Description("The name of the stalled event loop's thread")
    String eventLoop;

    @Label("Phase")
    @Description("ongoing (reported as the threshold was crossed) or ended")
    String phase;

    @Label("Task Start")
    @Timestamp(Timestamp.MILLISECONDS_SINCE_EPOCH)
    long taskStart;

    @Label("Stall Duration")
    @Description("How long the task had run (ongoing) or took in all (ended)")
    @Timespan(Timespan.MILLISECONDS)
    long stallDuration;

    @Label("Cause")
    @Description("task (the task's own work), lock (waiting for a monitor), cpu (the machine was overloaded),"
            + " gc or jvm (a JVM-wide pause)")
    String cause;

    @Label("Hottest Frame")
    @Description("The top application frame seen in most samples of the stuck task")
    String hottestFrame;

    @Label("Call Site")
    @Description("The top application frame of the sampled stack")
    String callSite;

    @Label("Blocked On")
    @Description("The monitor the loop waited to enter and who held it")
    String blockedOn;

    @Label("Stack")
    @Description("The stuck task's stack as sampled, one frame a line")
    String stack;
}
