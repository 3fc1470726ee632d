package io.loopguard.agent.frameworks;

import io.loopguard.agent.common.MethodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one framework, or all of them merged, told Loopguard through {@link io.loopguard.api.spi.Framework}; see
 * there for what each entry means.
 */
public record FrameworkDescription(List<String> nonBlockingThreadTypes, List<Pattern> nonBlockingThreadNames,
                                   List<MethodRef> blockingPermittedBy, List<MethodRef> eventLoops,
                                   List<MethodRef> currentLoops,
                                   List<MethodRef> nonBlockingWhile, List<MethodRef> nonBlockingAfter,
                                   List<MethodRef> tasks, List<TaskRunner> perTask, List<Allowance> allowances,
                                   List<BlockingMethod> blockingMethods, List<MethodRef> runsOnEventLoop,
                                   List<MethodRef> handsToEventLoop, ScanFacts scan) {

    /** All of {@code descriptions} in one, in their order. Plain loops: this runs at every start. */
    public static FrameworkDescription merge(List<FrameworkDescription> descriptions) {
        FrameworkDescription merged = new FrameworkDescription(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new ScanFacts(List.of(), List.of(), List.of(), List.of(), List.of()));
        for (FrameworkDescription description : descriptions) {
            merged = merged.followedBy(description);
        }
        return merged;
    }

    private FrameworkDescription followedBy(FrameworkDescription next) {
        return new FrameworkDescription(both(nonBlockingThreadTypes, next.nonBlockingThreadTypes),
                both(nonBlockingThreadNames, next.nonBlockingThreadNames),
                both(blockingPermittedBy, next.blockingPermittedBy), both(eventLoops, next.eventLoops),
                both(currentLoops, next.currentLoops), both(nonBlockingWhile, next.nonBlockingWhile),
                both(nonBlockingAfter, next.nonBlockingAfter), both(tasks, next.tasks), both(perTask, next.perTask),
                both(allowances, next.allowances), both(blockingMethods, next.blockingMethods),
                both(runsOnEventLoop, next.runsOnEventLoop), both(handsToEventLoop, next.handsToEventLoop),
                new ScanFacts(both(scan.handsToWorker(), next.scan.handsToWorker()),
                        both(scan.ownPackages(), next.scan.ownPackages()),
                        both(scan.nonBlockingSchedulers(), next.scan.nonBlockingSchedulers()),
                        both(scan.movesLaterOperators(), next.scan.movesLaterOperators()),
                        both(scan.movesWholeChain(), next.scan.movesWholeChain())));
    }

    /**
     * What only the build-time scan reads: where code goes to a worker, the framework's own packages, and the
     * schedulers and operators that move a chain onto a non-blocking thread. See {@link io.loopguard.api.spi.Framework}.
     */
    public record ScanFacts(List<MethodRef> handsToWorker, List<String> ownPackages,
                            List<MethodRef> nonBlockingSchedulers, List<MethodRef> movesLaterOperators,
                            List<MethodRef> movesWholeChain) {

        /** Whether the class (binary or internal name) is in one of the frameworks' own packages, or below. */
        public boolean owns(String className) {
            for (String name : ownPackages) {
                if (className.length() > name.length() && inPackage(className, name)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean inPackage(String className, String name) {
            for (int i = 0; i < name.length(); i++) {
                char expected = name.charAt(i);
                char actual = className.charAt(i);
                if (actual != expected && !(expected == '.' && actual == '/')) {
                    return false;
                }
            }
            char next = className.charAt(name.length());
            return next == '.' || next == '/';
        }
    }

    /** Methods during which the running thread must not block: the event loops and the other designating runs. */
    public List<MethodRef> designatingWhileRunning() {
        return both(eventLoops, nonBlockingWhile);
    }

    /** The methods of {@link #allowances()}. */
    public List<MethodRef> allowedMethods() {
        List<MethodRef> methods = new ArrayList<>();
        for (Allowance allowance : allowances) {
            methods.add(allowance.method());
        }
        return List.copyOf(methods);
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
        count(parts, scan.ownPackages(), "own package");
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static void count(List<String> parts, List<?> items, String noun) {
        if (!items.isEmpty()) {
            parts.add(items.size() + " " + noun + (items.size() == 1 ? "" : "s"));
        }
    }

    private static <T> List<T> both(List<T> first, List<T> second) {
        if (second.isEmpty()) {
            return first;
        }
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return List.copyOf(both);
    }
}
