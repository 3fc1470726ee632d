package io.loopguard.agent.config;

import io.loopguard.agent.threads.MethodRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agent's options, already checked. See {@link OptionsParser} for how they are given.
 *
 * @param events  the JSON Lines file every detection is appended to, or {@code null}
 * @param threads names of threads that must never block (whole-name match), or {@code null}
 * @param allow   methods inside which blocking is accepted
 * @param stallThreshold how long one event-loop task may run before it is reported as a stall, or
 *                       {@code null} ({@code off}) for no stall reports
 */
public record Options(Mode mode, Path events, Pattern threads, List<MethodRef> allow, Duration stallThreshold) {

    public static final Duration DEFAULT_STALL_THRESHOLD = Duration.ofMillis(100);
    public static final Options DEFAULTS = new Options(Mode.REPORT, null, null, List.of(), DEFAULT_STALL_THRESHOLD);

    Options withMode(Mode value) {
        return new Options(value, events, threads, allow, stallThreshold);
    }

    Options withEvents(Path value) {
        return new Options(mode, value, threads, allow, stallThreshold);
    }

    Options withThreads(Pattern value) {
        return new Options(mode, events, value, allow, stallThreshold);
    }

    Options withAllow(List<MethodRef> value) {
        return new Options(mode, events, threads, value, stallThreshold);
    }

    Options withStallThreshold(Duration value) {
        return new Options(mode, events, threads, allow, value);
    }
}
