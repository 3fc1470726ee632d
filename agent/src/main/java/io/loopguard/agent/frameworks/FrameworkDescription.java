package io.loopguard.agent.frameworks;

import io.loopguard.agent.common.MethodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one framework, or all of them merged, told Loopguard through {@link io.loopguard.api.spi.Framework}; see
 * there for what each entry means.
 */
public record FrameworkDescription(List<String> nonBlockingThreadTypes, List<Pattern> nonBlockingThreadNames,
                                   List<MethodRef> blockingPermittedBy, List<MethodRef> eventLoops,
                                   List<MethodRef> nonBlockingWhile, List<MethodRef> nonBlockingAfter,
                                   List<MethodRef> tasks, List<TaskRunner> perTask, List<Allowance> allowances,
                                   List<BlockingMethod> blockingMethods, List<MethodRef> runsOnEventLoop,
                                   List<MethodRef> handsToEventLoop) {

    /** All of {@code descriptions} in one, in their order. */
    public static FrameworkDescription merge(List<FrameworkDescription> descriptions) {
        return new FrameworkDescription(all(descriptions, FrameworkDescription::nonBlockingThreadTypes),
                all(descriptions, FrameworkDescription::nonBlockingThreadNames),
                all(descriptions, FrameworkDescription::blockingPermittedBy),
                all(descriptions, FrameworkDescription::eventLoops),
                all(descriptions, FrameworkDescription::nonBlockingWhile),
                all(descriptions, FrameworkDescription::nonBlockingAfter),
                all(descriptions, FrameworkDescription::tasks),
                all(descriptions, FrameworkDescription::perTask),
                all(descriptions, FrameworkDescription::allowances),
                all(descriptions, FrameworkDescription::blockingMethods),
                all(descriptions, FrameworkDescription::runsOnEventLoop),
                all(descriptions, FrameworkDescription::handsToEventLoop));
    }

    /** Methods during which the running thread must not block: the event loops and the other designating runs. */
    public List<MethodRef> designatingWhileRunning() {
        return Stream.concat(eventLoops.stream(), nonBlockingWhile.stream()).toList();
    }

    /** The methods of {@link #allowances()}. */
    public List<MethodRef> allowedMethods() {
        return allowances.stream().map(Allowance::method).toList();
    }

    /** What this description adds, for the start-up line: {@code 1 thread type, 2 event loops}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        count(parts, nonBlockingThreadTypes, "thread type");
        count(parts, nonBlockingThreadNames, "thread-name pattern");
        count(parts, blockingPermittedBy, "blocking-permitted method");
        count(parts, eventLoops, "event loop");
        count(parts, nonBlockingWhile, "non-blocking method");
        count(parts, nonBlockingAfter, "designating method");
        count(parts, tasks, "task method");
        count(parts, perTask, "per-task pool");
        count(parts, allowances, "allowed method");
        count(parts, blockingMethods, "blocking method");
        count(parts, runsOnEventLoop, "handler method");
        count(parts, handsToEventLoop, "hand-off method");
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static void count(List<String> parts, List<?> items, String noun) {
        if (!items.isEmpty()) {
            parts.add(items.size() + " " + noun + (items.size() == 1 ? "" : "s"));
        }
    }

    private static <T> List<T> all(List<FrameworkDescription> descriptions, Function<FrameworkDescription, List<T>> part) {
        return descriptions.stream().flatMap(description -> part.apply(description).stream()).toList();
    }
}
