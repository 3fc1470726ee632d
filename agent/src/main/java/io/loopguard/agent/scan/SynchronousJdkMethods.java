package io.loopguard.agent.scan;

import java.util.List;

/**
 * JDK methods that run the function they are given on the calling thread before they return, so a lambda handed
 * to one runs where the call is. Any other JDK method is taken to run it elsewhere, or later: not followed.
 */
final class SynchronousJdkMethods {

    /** {@code Type#method}, {@code "*"} for every method of the type; subtypes count. */
    static final List<String> METHODS = List.of(
            "java.lang.Iterable#forEach",
            "java.util.Map#forEach", "java.util.Map#compute", "java.util.Map#computeIfAbsent",
            "java.util.Map#computeIfPresent", "java.util.Map#merge", "java.util.Map#replaceAll",
            "java.util.Collection#removeIf", "java.util.List#replaceAll", "java.util.List#sort",
            "java.util.Optional#*", "java.util.Objects#requireNonNullElseGet",
            // lazy, but run on the thread of the terminal operation, which is the same chain of calls
            "java.util.stream.Stream#*", "java.util.stream.IntStream#*", "java.util.stream.LongStream#*",
            "java.util.stream.DoubleStream#*");

    private SynchronousJdkMethods() {
    }

    static boolean runsHere(CallSite call, Program program) {
        for (String entry : METHODS) {
            int hash = entry.indexOf('#');
            String method = entry.substring(hash + 1);
            if ((method.equals("*") || method.equals(call.name()))
                    && program.supertypes(call.owner()).contains(entry.substring(0, hash).replace('.', '/'))) {
                return true;
            }
        }
        return false;
    }
}
