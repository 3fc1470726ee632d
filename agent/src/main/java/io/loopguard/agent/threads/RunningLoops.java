package io.loopguard.agent.threads;

import io.loopguard.agent.common.AgentThread;
import io.loopguard.agent.common.MethodRef;
import io.loopguard.agent.common.RelocatedNames;
import io.loopguard.bootstrap.AdoptedLoops;
import io.loopguard.bootstrap.LoopClock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The event loops that already run when the agent is attached to a running JVM: threads inside a framework's
 * event-loop run method. Their run method started uninstrumented and never returns, so each is adopted at
 * its next task (see {@link AdoptedLoops}).
 */
public final class RunningLoops {
    private RunningLoops() {
    }

    /**
     * Adopts every thread now inside one of {@code runMethods}; returns how many.
     *
     * @param currentLoops the frameworks' methods that return, on a loop's thread, its executor
     */
    public static int adopt(List<MethodRef> runMethods, List<MethodRef> currentLoops) {
        AdoptedLoops.findLoopsWith(new LoopFinder(runMethods, currentLoops));
        Map<String, Set<String>> runMethodsByClass = new HashMap<>();
        runMethods.forEach(method -> runMethodsByClass.computeIfAbsent(method.className(), name -> new HashSet<>())
                .add(method.methodName()));
        // Loops timed since an earlier attach keep their clocks: the new watchdog takes them over.
        Set<Thread> timed = Set.copyOf(LoopClock.waitingThreads());
        int adopted = 0;
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            if (thread.getKey() instanceof AgentThread || timed.contains(thread.getKey())) {
                continue;
            }
            for (StackTraceElement frame : thread.getValue()) {
                Set<String> methods = RelocatedNames.find(runMethodsByClass, frame.getClassName());
                if (methods != null && methods.contains(frame.getMethodName())) {
                    AdoptedLoops.add(thread.getKey());
                    adopted++;
                    break;
                }
            }
        }
        return adopted;
    }
}
