package io.loopguard.agent.otlp;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before trying a collector again: doubling from one second to half a minute, each wait
 * shortened by up to a fifth at random so that a fleet of JVMs does not retry in step after a collector restart.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofSeconds(30);

    private final DoubleSupplier random;
    private Duration next = FIRST;

    /** @param random values in [0, 1) */
    Backoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The wait before the next try, and a longer one for the try after it. */
    Duration next() {
        Duration wait = next.minusNanos((long) (next.toNanos() * 0.2 * random.getAsDouble()));
        next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
        return wait;
    }

    /** The collector answered: the next failure starts from the first wait again. */
    void reset() {
        next = FIRST;
    }
}
