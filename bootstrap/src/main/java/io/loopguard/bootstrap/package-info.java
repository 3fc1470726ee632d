/**
 * What the JDK's own instrumented classes call: the probe, the per-thread state it reads, and the small
 * JDK-typed API through which tools in the application reach the agent.
 *
 * <p>The agent defines this module whole in the bootstrap class loader, so it may name only JDK types; it
 * has no dependencies, so the compiler keeps it that way. Its one class outside this package is
 * {@link io.loopguard.BlockingCallError}, which {@code strict} mode throws into the application and
 * which keeps the public name it has always had.
 */
package io.loopguard.bootstrap;
