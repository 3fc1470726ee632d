package io.loopguard.agent.detect;

import java.time.Instant;
import java.util.List;

/**
 * One thing a designated thread should not have done, as every reporter sees it.
 *
 * @param type      {@code blocking-call}, {@code stall} or {@code pinned}
 * @param operation the blocking JDK method that was probed, e.g. {@code java.lang.Thread.sleep}
 * @param via       the JDK or client-library method the application called to get there, or {@code null} if
 *                  it is the operation
 * @param callSite  the first application frame: neither JDK, Loopguard nor a client library (a JDBC driver,
 *                  ...), or {@code null} if there is none
 * @param stack     the calling thread's stack, Loopguard's own frames removed
 * @param stall     for a {@code stall}, what the watchdog measured; {@code null} otherwise
 * @param pinning   for {@code pinned}, how the virtual thread held its carrier; {@code null} otherwise
 * @param waitedMillis for a lock or semaphore taken, how long the thread waited for it; {@code null} otherwise
 * @param baseline  a blocking call the baseline lists: counted, not shown, failing nothing
 * @param acceptWith for a blocking call, what a report ends with: fixing it is better, else the rule that
 *                  would accept it; {@code null} otherwise
 */
public record Detection(String type, String operation, String via, String thread, String callSite,
                        List<String> stack, Instant time, String hint, Stall stall, Pinning pinning,
                        Long waitedMillis, boolean baseline, String acceptWith) {

    public static final String BLOCKING_CALL = "blocking-call";
    public static final String STALL = "stall";
    public static final String PINNED = "pinned";

    /** A detection of a blocking call. */
    public Detection(String type, String operation, String via, String thread, String callSite,
                     List<String> stack, Instant time, String hint) {
        this(type, operation, via, thread, callSite, stack, time, hint, null, null);
    }

    /** A detection of a stall. */
    public Detection(String type, String operation, String via, String thread, String callSite,
                     List<String> stack, Instant time, String hint, Stall stall) {
        this(type, operation, via, thread, callSite, stack, time, hint, stall, null);
    }

    /** A detection that no rule or baseline judged: a stall, or a pinned virtual thread. */
    public Detection(String type, String operation, String via, String thread, String callSite,
                     List<String> stack, Instant time, String hint, Stall stall, Pinning pinning) {
        this(type, operation, via, thread, callSite, stack, time, hint, stall, pinning, null, false, null);
    }

    /** The operation as the application saw it: {@code LinkedBlockingQueue.take (via ...await)}. */
    public String describeOperation() {
        return via == null ? operation : via + " (" + operation + ")";
    }
}
