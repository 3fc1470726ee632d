package io.loopguard.agent.config;

import io.loopguard.agent.threads.MethodRef;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agent's options, already checked. See {@link OptionsParser} for how they are given.
 *
 * @param events  the JSON Lines file every detection is appended to, or {@code null}
 * @param threads names of threads that must never block (whole-name match), or {@code null}
 * @param allow   methods inside which blocking is accepted
 * @param commonPool whether the workers of {@code ForkJoinPool.commonPool()} must never block
 */
public record Options(Mode mode, Path events, Pattern threads, List<MethodRef> allow, boolean commonPool) {

    public static final Options DEFAULTS = new Options(Mode.REPORT, null, null, List.of(), false);

    Options withMode(Mode value) {
        return new Options(value, events, threads, allow, commonPool);
    }

    Options withEvents(Path value) {
        return new Options(mode, value, threads, allow, commonPool);
    }

    Options withThreads(Pattern value) {
        return new Options(mode, events, value, allow, commonPool);
    }

    Options withAllow(List<MethodRef> value) {
        return new Options(mode, events, threads, value, commonPool);
    }

    Options withCommonPool(boolean value) {
        return new Options(mode, events, threads, allow, value);
    }
}
