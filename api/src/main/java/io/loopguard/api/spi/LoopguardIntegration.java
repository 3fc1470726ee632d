package io.loopguard.api.spi;

/**
 * A framework's description of itself for Loopguard, found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/io.loopguard.api.spi.LoopguardIntegration}. Loopguard's own
 * knowledge of Netty, Reactor, RxJava, Vert.x and kotlinx is written the same way.
 *
 * <p>The agent calls it once at start-up and reads names only: an implementation must not load framework
 * classes. What it declares adds to what Loopguard knows; nothing it says removes anything.
 */
public interface LoopguardIntegration {

    /** Tells {@code framework} everything Loopguard should know about one framework. */
    void describe(Framework framework);
}
