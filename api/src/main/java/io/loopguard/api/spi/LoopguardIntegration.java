package io.loopguard.api.spi;

import java.util.List;

/**
 * What a framework tells Loopguard about its own threads, found with {@link java.util.ServiceLoader}: list
 * the implementation in {@code META-INF/services/io.loopguard.api.spi.LoopguardIntegration}.
 *
 * <p>The agent reads it once at start-up, by name only: an implementation must not load framework classes.
 * Methods are written {@code com.acme.Loop#run} (binary class name, method name, all overloads).
 */
public interface LoopguardIntegration {

    /** Thread classes or interfaces (binary names) whose threads must never block, e.g. {@code com.acme.LoopThread}. */
    default List<String> nonBlockingThreadTypes() {
        return List.of();
    }

    /** Methods during which the running thread must never block: an event loop's run loop. */
    default List<String> eventLoopMethods() {
        return List.of();
    }

    /** Methods inside which blocking is accepted, even on a thread that must never block. */
    default List<String> allowedMethods() {
        return List.of();
    }
}
