package io.loopguard.agent.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Retries of a collector that is down: doubling waits up to half a minute, spread at random, reset on success. */
class BackoffTest {

    @Test
    void waitsDoubleUpToHalfAMinute() {
        Backoff backoff = new Backoff(() -> 0);
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L),
                Stream.generate(backoff::next).limit(7).map(Duration::toSeconds).toList());
    }

    @Test
    void eachWaitIsShortenedByAtMostAFifth() {
        Backoff backoff = new Backoff(() -> 0.999_999);
        assertEquals(800, backoff.next().toMillis());
        assertEquals(1_600, backoff.next().toMillis());
    }

    @Test
    void anAnswerStartsTheWaitsOver() {
        Backoff backoff = new Backoff(() -> 0);
        backoff.next();
        backoff.next();
        backoff.reset();
        assertEquals(Duration.ofSeconds(1), backoff.next());
    }
}
