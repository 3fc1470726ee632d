package io.loopguard.agent.frameworks;

import io.loopguard.agent.common.MethodRef;

/**
 * A pool whose workers switch between CPU tasks (must not block) and blocking tasks: while {@code taskMethod}
 * runs one task, the thread must not block if its field {@code stateField} holds {@code nonBlockingState}.
 *
 * @param taskMethod       the method that runs one task on a worker
 * @param workerClass      the binary name of the workers' thread class
 * @param stateField       a public field of the worker telling which kind of task it runs (an enum or any value)
 * @param nonBlockingState the field's value ({@code toString()}) while it runs a task that must not block
 */
public record TaskRunner(MethodRef taskMethod, String workerClass, String stateField, String nonBlockingState) {
}
