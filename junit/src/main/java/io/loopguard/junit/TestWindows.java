package io.loopguard.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The tests and classes running now, and the detections charged to each.
 *
 * <p>A detection is charged to the innermost windows open when it happened: the running test, or its class
 * when no test of it runs (its {@code @BeforeAll}, {@code @AfterAll}, constructor). Opening and closing
 * a window first waits for the agent to deliver every detection made before that moment, so a detection
 * is never charged late to the next test. When tests run in parallel, every test running at the time is
 * charged, and says with which others it shared.
 */
final class TestWindows implements Consumer<Map<String, Object>> {
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
            open.remove(window);
        }
    }

    /** A detection from the agent's reporting thread. */
    @Override
    public void accept(Map<String, Object> fields) {
        boolean dropped = "dropped".equals(fields.get("type"));
        BlockingCall call = dropped ? null : BlockingCall.of(fields);
        synchronized (open) {
            List<Window> charged = innermost();
            for (Window window : charged) {
                if (dropped) {
                    window.dropped += ((Number) fields.get("count")).longValue();
                } else {
                    window.calls.add(call);
                }
                charged.stream().filter(other -> other != window).forEach(other -> window.sharedWith.add(other.name));
            }
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
