package io.loopguard.agent.integration;

import io.loopguard.agent.threads.MethodRef;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the libraries on the class path say about their own threads through loopguard-api's SPI
 * ({@code io.loopguard.api.spi.LoopguardIntegration}), added to the agent's built-in knowledge.
 *
 * @param nonBlockingThreadTypes class or interface names whose threads must never block
 * @param eventLoopMethods       methods during which the running thread must never block
 * @param allowedMethods         methods inside which blocking is accepted
 */
public record Integrations(List<String> nonBlockingThreadTypes, List<MethodRef> eventLoopMethods,
                           List<MethodRef> allowedMethods) {

    static final String SPI = "io.loopguard.api.spi.LoopguardIntegration";
    static final Integrations NONE = new Integrations(List.of(), List.of(), List.of());

    /**
     * Finds and reads every integration {@code loader} sees; none when loopguard-api is not on its class path.
     *
     * @param messages receives one line per integration: what it adds, or why it cannot be read (then it adds
     *                 nothing, and the others still count)
     */
    public static Integrations load(ClassLoader loader, Consumer<String> messages) {
        try {
            Class.forName(SPI, false, loader);
        } catch (ClassNotFoundException | LinkageError absent) {
            return NONE; // without loopguard-api nothing can implement the SPI
        }
        return ServiceLoadedIntegrations.read(loader, messages);
    }
}
