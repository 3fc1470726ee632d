package io.loopguard.agent.instrument;

import java.util.List;

/**
 * One advice to inline into the methods of one class, as plain data: ByteBuddy turns it into bytecode
 * only when the class is not in the {@link ClassCache}, so a start with a warm cache loads no ByteBuddy.
 *
 * @param advice         the advice class ({@code BlockingCallAdvice}, ...)
 * @param methodNames    the methods it goes into, every overload with a body
 * @param parameterCount only overloads with this many parameters, or {@link #ANY_PARAMETERS}
 * @param operation      the catalogue id (or allow rule index) bound to {@link OperationId}, or {@link #NO_OPERATION}
 */
record PlannedAdvice(Class<?> advice, List<String> methodNames, int parameterCount, int operation) {
    static final int ANY_PARAMETERS = -1;
    static final int NO_OPERATION = -1;

    /** What this advice does to a class, for the cache key: the same text means the same bytes out. */
    String describe() {
        return advice.getName() + " " + methodNames + " " + parameterCount + " " + operation;
    }
}
