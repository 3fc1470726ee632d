package io.loopguard.junit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One running test or test class and the detections charged to it. Guarded by {@link TestWindows}. */
final class Window {
    final String name;
    final Window parent;
    final TestRules rules;
    final List<BlockingCall> calls = new ArrayList<>();
    /** The stalls of tasks that started while this window was the innermost, by {@link LoopStall#key()}. */
    final Map<String, LoopStall> stalls = new LinkedHashMap<>();
    /** Other tests that were charged the same detections: they ran at the same time. */
    final Set<String> sharedWith = new LinkedHashSet<>();
    long dropped;
    /** Since when a stall's task belongs to this window: its opening, or the end of its last test. */
    Instant since = Instant.now();

    Window(String name, Window parent, TestRules rules) {
        this.name = name;
        this.parent = parent;
        this.rules = rules;
    }

    /** Whether {@code other} is this window or runs inside it (a test of this class, a nested class). */
    boolean encloses(Window other) {
        for (Window at = other; at != null; at = at.parent) {
            if (at == this) {
                return true;
            }
        }
        return false;
    }

    /**
     * Charges a stall report, or takes the stall back when its verdict says the machine caused it, or when it
     * was a blocking call's. A stall whose task started before this window (in an earlier test) is not this window's.
     */
    void charge(LoopStall stall) {
        if (stall.started().isBefore(since)) {
            return;
        }
        if (stall.causedByTheMachine() || stall.inBlockingCall()) {
            stalls.remove(stall.key());
        } else {
            stalls.put(stall.key(), stall);
        }
    }

    /** Whether a stall was charged whose verdict (its {@code ended} report) has not arrived yet. */
    boolean awaitsVerdict() {
        return stalls.values().stream().anyMatch(stall -> !stall.ended());
    }

    /** The calls this test does not accept. */
    List<BlockingCall> chargedCalls() {
        return calls.stream().filter(call -> !rules.accepts(call.stack())).toList();
    }

    /** The stalls this test does not accept. */
    List<LoopStall> chargedStalls() {
        return stalls.values().stream().filter(stall -> !rules.accepts(stall.stack())).toList();
    }
}
