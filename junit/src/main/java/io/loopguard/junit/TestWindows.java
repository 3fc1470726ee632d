package io.loopguard.junit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The tests and classes running now, and the detections charged to each.
 *
 * <p>A detection is charged to the innermost windows open when it happened: the running test, or its class
 * when no test of it runs (its {@code @BeforeAll}, {@code @AfterAll}, constructor). Opening and closing
 * a window first waits for the agent to deliver every detection made before that moment, so a detection
 * is never charged late to the next test. When tests run in parallel, every test running at the time is
 * charged, and says with which others it shared.
 *
 * <p>A stall is charged to the window in which its task started, once however many times it is reported,
 * unless the agent's verdict says the machine caused it (a JVM pause, a CPU the loop waited for, warm-up).
 * Closing a window waits a little for the verdict of a stall it was charged on its alarm alone.
 */
final class TestWindows implements Consumer<Map<String, Object>> {
    /** The watchdog judges a stall a quarter of a second after it ended, later on a loaded machine. */
    private static final long VERDICT_WAIT_MILLIS = 3_000;
    private static TestWindows instance;

    private final AgentConnection agent;
    private final List<Window> open = new ArrayList<>();

    private TestWindows(AgentConnection agent) {
        this.agent = agent;
    }

    /** The windows of this JVM, connected to the agent (attached now if it was not); {@code null} if it is off. */
    static synchronized TestWindows get() {
        if (instance == null) {
            AgentConnection agent = AgentConnection.get();
            if (!agent.isDelivering()) {
                return null;
            }
            instance = new TestWindows(agent);
            agent.subscribe(instance);
        }
        return instance;
    }

    Window open(String name, Window parent, TestRules rules) {
        agent.flush();
        Window window = new Window(name, parent, rules);
        synchronized (open) {
            open.add(window);
        }
        rules.threads().forEach(agent::designate);
        return window;
    }

    void close(Window window) {
        window.rules.threads().forEach(agent::undesignate);
        agent.flush();
        synchronized (open) {
            awaitVerdicts(window);
            open.remove(window);
            if (window.parent != null) {
                window.parent.since = Instant.now();
            }
        }
    }

    /** Waits, holding the lock, until the window's stalls are judged; a task still running keeps its alarm. */
    private void awaitVerdicts(Window window) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(VERDICT_WAIT_MILLIS);
        try {
            for (long left = VERDICT_WAIT_MILLIS; window.awaitsVerdict() && left > 0;
                    left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                open.wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A detection from the agent's reporting thread. */
    @Override
    public void accept(Map<String, Object> fields) {
        if (Boolean.TRUE.equals(fields.get("baseline"))) {
            return; // a call site the agent's baseline file lists: known, it fails no test
        }
        Object type = fields.get("type");
        LoopStall stall = "stall".equals(type) ? LoopStall.of(fields) : null;
        BlockingCall call = stall == null && !"dropped".equals(type) ? BlockingCall.of(fields) : null;
        synchronized (open) {
            List<Window> charged = innermost();
            for (Window window : charged) {
                if (stall != null) {
                    window.charge(stall);
                } else if (call != null) {
                    window.calls.add(call);
                } else {
                    window.dropped += ((Number) fields.get("count")).longValue();
                }
                charged.stream().filter(other -> other != window).forEach(other -> window.sharedWith.add(other.name));
            }
            open.notifyAll();
        }
    }

    private List<Window> innermost() {
        List<Window> result = new ArrayList<>();
        for (Window window : open) {
            if (open.stream().noneMatch(other -> other != window && window.encloses(other))) {
                result.add(window);
            }
        }
        return result;
    }
}
