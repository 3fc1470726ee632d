package io.loopguard.bootstrap;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * Hands every detection to code in the same JVM that asked for it, such as the JUnit extension.
 *
 * <p>It lives in the bootstrap class loader and speaks only JDK types, so a subscriber needs no compile
 * dependency on the agent and works from any class loader: it finds this class with
 * {@code Class.forName("io.loopguard.bootstrap.DetectionSubscribers", true, null)}. A detection arrives as
 * a map with the fields of the JSON Lines events ({@code type}, {@code operation}, {@code thread},
 * {@code callSite}, {@code stack} as a {@code List<String>}, ...), on the agent's reporting thread,
 * never on the thread that blocked.
 */
public final class DetectionSubscribers {
    private static final List<Consumer<Map<String, Object>>> SUBSCRIBERS = new CopyOnWriteArrayList<>();
    private static volatile LongPredicate flush;

    private DetectionSubscribers() {
    }

    /** Whether an agent is running that delivers detections here (not {@code mode=off}). */
    public static boolean isDelivering() {
        return flush != null;
    }

    public static void subscribe(Consumer<Map<String, Object>> subscriber) {
        SUBSCRIBERS.add(subscriber);
    }

    public static void unsubscribe(Consumer<Map<String, Object>> subscriber) {
        SUBSCRIBERS.remove(subscriber);
    }

    /**
     * Waits until every detection made before this call was handed to the subscribers.
     *
     * @return {@code false} if that took longer than {@code timeoutMillis}, or no agent delivers here
     */
    public static boolean flush(long timeoutMillis) {
        LongPredicate agent = flush;
        return agent != null && agent.test(timeoutMillis);
    }

    /** Called once by the agent: how {@link #flush} waits for its reporting thread. */
    public static void deliverWith(LongPredicate agentFlush) {
        flush = agentFlush;
    }

    /** Called by the agent's reporting thread for each detection. A failing subscriber does not stop the others. */
    public static void publish(Map<String, Object> detection) {
        for (Consumer<Map<String, Object>> subscriber : SUBSCRIBERS) {
            try {
                subscriber.accept(detection);
            } catch (RuntimeException | LinkageError ignored) {
                // a subscriber's bug must not cost the agent its reporting thread
            }
        }
    }
}
