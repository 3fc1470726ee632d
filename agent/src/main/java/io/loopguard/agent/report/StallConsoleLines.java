package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import io.loopguard.agent.detect.Stall;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stderr lines for event-loop stalls: the first stall at each place in full while it is stuck, one
 * line when it ends, both numbered alike; later stalls there only counted, and listed in the summary at
 * exit. Stalls that were class loading at start-up, a garbage collection, another JVM pause or a lack of CPU
 * are said once per cause, then only counted; while classes are loading, or the thread waits for a lock (a
 * blocking call reported when the wait ends), the alarm waits for the verdict. A stall inside a blocking call
 * already reported is that call's: one line.
 */
final class StallConsoleLines {
    private static final int STACK_LINES = 40;
    private static final int SUMMARY_LINES = 20;

    private final PrintStream err;
    private final Map<String, Place> places = new LinkedHashMap<>();
    /** The stalls whose alarm was printed, by {@link Stall#id()}, until their verdict. */
    private final Set<Long> alarmed = new HashSet<>();
    private final Set<String> blockingCallsShown = new HashSet<>();
    /** The causes of stalls that were not the task's (gc, jvm, cpu) already said once each. */
    private final Set<String> pausesShown = new HashSet<>();
    private boolean warmupShown;

    StallConsoleLines(PrintStream err) {
        this.err = err;
    }

    void report(Detection detection) {
        Stall stall = detection.stall();
        if (stall.phase().equals(Stall.ONGOING)) {
            if (stall.blockingCall() != null) {
                return; // the call's own report stands for it
            }
            // Start-up, or a lock wait, which is reported when it ends: the verdict tells, with the stack.
            if (!stall.warmup() && !stall.lockWait() && !places.containsKey(where(detection))
                    && alarmed.add(stall.id())) {
                places.put(where(detection), new Place(where(detection)));
                err.println(ongoing(detection));
            }
            return;
        }
        boolean alarmShown = alarmed.remove(stall.id());
        if (stall.blockingCall() != null) {
            count(where(detection), stall);
            if (blockingCallsShown.add(stall.blockingCall() + ' ' + detection.callSite())) {
                err.println(inBlockingCall(detection));
            }
            return;
        }
        if (stall.warmup()) {
            count("(loading and initialising classes)", stall);
            if (!warmupShown) {
                warmupShown = true;
                err.println(ended(detection) + "\n    (it was mostly loading and initialising classes, as an"
                        + " application does while it starts: such stalls are not shown here again, only counted"
                        + " in the summary and written to the events file)");
            }
            return;
        }
        if (stall.pause() != null) {
            count("(not the task: " + stall.pause() + ")", stall);
            if (pausesShown.add(stall.pause())) {
                err.println(ended(detection) + "\n    (later stalls with this cause are not shown here, only counted"
                        + " in the summary and written to the events file)");
            }
            return;
        }
        boolean firstHere = !places.containsKey(where(detection));
        count(where(detection), stall);
        if (firstHere && !alarmShown) {
            err.println(withStack(ended(detection), detection) + "\n    (stack sampled while the thread was stuck;"
                    + " later stalls here are counted in the summary at exit)");
        } else if (alarmShown || firstHere) {
            err.println(ended(detection) + "\n    (later stalls here are counted in the summary at exit)");
        }
    }

    /** The stalls of the run so far, by place, most frequent first; empty when there was none. */
    String summary() {
        long stalls = places.values().stream().mapToLong(place -> place.stalls).sum();
        if (stalls == 0) {
            return "";
        }
        StringBuilder text = new StringBuilder("loopguard: summary: ").append(stalls)
                .append(stalls == 1 ? " event-loop stall" : " event-loop stalls")
                .append(" (one task longer than stall-threshold)");
        places.values().stream().filter(place -> place.stalls > 0)
                .sorted(Comparator.comparingLong((Place place) -> place.stalls).reversed())
                .limit(SUMMARY_LINES)
                .forEach(place -> text.append(String.format("%nloopguard: %8d  stalls, longest %d ms, at %s",
                        place.stalls, place.longestMillis, place.where)));
        return text.toString();
    }

    private void count(String where, Stall stall) {
        Place place = places.computeIfAbsent(where, Place::new);
        place.stalls++;
        place.longestMillis = Math.max(place.longestMillis, stall.durationMillis());
    }

    private static String where(Detection detection) {
        String hottest = detection.stall().hottestFrame();
        return hottest != null ? hottest : detection.callSite() != null ? detection.callSite() : "(no application frame)";
    }

    private static String ongoing(Detection detection) {
        Stall stall = detection.stall();
        StringBuilder text = new StringBuilder("loopguard: stall #").append(stall.id()).append(": thread \"")
                .append(detection.thread()).append("\" has been running one task for ").append(stall.durationMillis())
                .append(" ms");
        if (stall.blockedOn() != null) {
            text.append(", waiting to lock ").append(stall.blockedOn());
        }
        text.append(", at ").append(detection.callSite() != null ? detection.callSite() : "(no application frame)");
        return withStack(text.toString(), detection) + "\n    (stack sampled while the thread is stuck; a line"
                + " \"stall #" + stall.id() + " ended\" follows when the task ends)";
    }

    /** {@code headline}, the stack below it, and the fix. */
    private static String withStack(String headline, Detection detection) {
        StringBuilder text = new StringBuilder(2048).append(headline).append('\n');
        List<String> stack = detection.stack();
        for (int i = 0; i < Math.min(stack.size(), STACK_LINES); i++) {
            text.append("\tat ").append(stack.get(i)).append('\n');
        }
        if (stack.size() > STACK_LINES) {
            text.append("\t... ").append(stack.size() - STACK_LINES).append(" more\n");
        }
        return text.append("    fix: ").append(detection.hint()).toString();
    }

    private static String ended(Detection detection) {
        Stall stall = detection.stall();
        StringBuilder text = new StringBuilder("loopguard: stall #").append(stall.id()).append(" ended: thread \"")
                .append(detection.thread()).append("\" ran one task for ").append(stall.durationMillis()).append(" ms");
        if ("cpu".equals(stall.pause())) {
            text.append(", ").append(stall.pauseMillis()).append(" ms of it waiting for a CPU (the machine is overloaded)");
        } else if (stall.pause() != null) {
            text.append(", ").append(stall.pauseMillis()).append(" ms of it in a JVM pause (")
                    .append(stall.pause()).append(")");
        }
        if (stall.blockedOn() != null) {
            text.append(", waiting to lock ").append(stall.blockedOn());
        }
        if (stall.hottestFrame() != null) {
            text.append("; ").append(stall.hottestSamples()).append(" of ").append(stall.samples())
                    .append(" samples at ").append(stall.hottestFrame());
        }
        return text.toString();
    }

    /** One line: the stall was the time of a blocking call whose report is above. */
    private static String inBlockingCall(Detection detection) {
        Stall stall = detection.stall();
        return "loopguard: stall #" + stall.id() + ": thread \"" + detection.thread() + "\" ran one task for "
                + stall.durationMillis() + " ms, in the blocking call " + stall.blockingCall() + " reported above, at "
                + detection.callSite() + (stall.blockedOn() != null ? ", waiting to lock " + stall.blockedOn() : "")
                + "; fix: " + detection.hint();
    }

    private static final class Place {
        final String where;
        long stalls;
        long longestMillis;

        Place(String where) {
            this.where = where;
        }
    }
}
