package io.loopguard.junit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One running test or test class and the detections charged to it. Guarded by {@link TestWindows}. */
final class Window {
    final String name;
    final Window parent;
    final TestRules rules;
    final List<BlockingCall> calls = new ArrayList<>();
    /** Other tests that were charged the same detections: they ran at the same time. */
    final Set<String> sharedWith = new LinkedHashSet<>();
    long dropped;

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

    /** The calls this test does not accept. */
    List<BlockingCall> chargedCalls() {
        return calls.stream().filter(call -> !rules.accepts(call)).toList();
    }
}
