package io.loopguard.junit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The Loopguard agent running in this JVM, reached through the small API it defines in the bootstrap class
 * loader (JDK types only), so that this jar needs no compile dependency on the agent and works whatever class
 * loader runs the tests. If the JVM was started without {@code -javaagent}, the agent is attached once.
 */
final class AgentConnection {
    private static final String SUBSCRIBERS = "io.loopguard.bootstrap.DetectionSubscribers";
    private static final String EXTRA_THREADS = "io.loopguard.bootstrap.ExtraDesignatedThreads";
    private static final long FLUSH_TIMEOUT_MILLIS = 10_000;

    private static AgentConnection instance;
    private static String failure;

    private final Method isDelivering;
    private final Method subscribe;
    private final Method flush;
    private final Method designate;
    private final Method undesignate;

    private AgentConnection(Class<?> subscribers, Class<?> extraThreads) throws NoSuchMethodException {
        isDelivering = subscribers.getMethod("isDelivering");
        subscribe = subscribers.getMethod("subscribe", Consumer.class);
        flush = subscribers.getMethod("flush", long.class);
        designate = extraThreads.getMethod("add", Pattern.class);
        undesignate = extraThreads.getMethod("remove", Pattern.class);
    }

    /** The agent, attached now if needed; fails every test that asks if it could not be attached. */
    static synchronized AgentConnection get() {
        if (instance == null && failure == null) {
            try {
                if (bootstrapClass(SUBSCRIBERS) == null) {
                    SelfAttach.attach();
                }
                Class<?> subscribers = bootstrapClass(SUBSCRIBERS);
                if (subscribers == null) {
                    throw new IllegalStateException("the agent was attached but did not start; its reason is on"
                            + " stderr, on a line starting with 'loopguard:'");
                }
                instance = new AgentConnection(subscribers, bootstrapClass(EXTRA_THREADS));
            } catch (Exception | LinkageError problem) {
                failure = "Loopguard could not attach its agent to this JVM: " + describe(problem)
                        + ". Start the test JVM with the agent instead; with Maven, in the surefire plugin's"
                        + " configuration: <argLine>-javaagent:${io.loopguard:loopguard-agent:jar}</argLine>"
                        + " (see Loopguard's docs/junit.md).";
            }
        }
        if (failure != null) {
            throw new ExtensionConfigurationException(failure);
        }
        return instance;
    }

    boolean isDelivering() {
        return (Boolean) call(isDelivering);
    }

    void subscribe(Consumer<Map<String, Object>> subscriber) {
        call(subscribe, subscriber);
    }

    /** Waits until the agent delivered every detection made before this call. */
    void flush() {
        call(flush, FLUSH_TIMEOUT_MILLIS);
    }

    void designate(Pattern threadNames) {
        call(designate, threadNames);
    }

    void undesignate(Pattern threadNames) {
        call(undesignate, threadNames);
    }

    private static Object call(Method method, Object... args) {
        try {
            return method.invoke(null, args);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Loopguard agent call " + method.getName() + " failed", e.getCause());
        }
    }

    private static String describe(Throwable problem) {
        String text = problem.getMessage() != null ? problem.getMessage() : problem.toString();
        return problem.getCause() != null ? text + " (" + problem.getCause() + ")" : text;
    }

    /** The class as the bootstrap class loader has it, where only a started agent puts it; else {@code null}. */
    private static Class<?> bootstrapClass(String name) {
        try {
            return Class.forName(name, false, null);
        } catch (ClassNotFoundException absent) {
            return null;
        }
    }
}
