package io.loopguard.agent.detect;

/**
 * How a virtual thread held its carrier thread while it blocked (JDK 21+), as the JDK's
 * {@code jdk.VirtualThreadPinned} event told it.
 *
 * @param reason         why the virtual thread could not unmount: the JDK's words where it gives them (JDK 24+),
 *                       else what its stack shows (a class initializer, a native frame, a monitor held)
 * @param carrier        the carrier thread's name, or {@code null} where the JDK does not say (before JDK 24)
 * @param durationMillis how long the carrier was held
 */
public record Pinning(String reason, String carrier, long durationMillis) {
}
