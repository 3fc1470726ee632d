package io.loopguard.agent.catalog;

/**
 * One blocking JDK method: all overloads of {@code methodName} declared in {@code className}, or
 * only those with {@code parameterCount} parameters when that is not {@link #ANY_PARAMETERS}.
 *
 * @param exercise a call that reaches this probe at once; the start-up self-test runs it on a canary
 *                 thread, where a working probe throws instead of letting it block
 */
public record BlockingOperation(String className, String methodName, int parameterCount, Remedy remedy,
                                Exercise exercise) {

    public static final int ANY_PARAMETERS = -1;

    /** The stable name reports and metrics use, e.g. {@code java.lang.Thread.sleep}. */
    public String name() {
        return className + "." + methodName;
    }

    /** A call that makes this operation's probe fire. */
    @FunctionalInterface
    public interface Exercise {
        void run() throws Exception;
    }
}
