package io.loopguard.agent.common;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Whether a debugger runs in this JVM: a class retransformed after it set its breakpoints loses them. */
public final class Debugger {

    private Debugger() {
    }

    /** Whether the JVM was started with a debugger's agent ({@code -agentlib:jdwp}, {@code -Xrunjdwp}). */
    public static boolean isPresent() {
        try {
            // The JVM's own arguments, where the JDK reads them: java.management would take tens of milliseconds.
            String[] arguments = (String[]) MethodHandles.lookup().findStatic(Class.forName("jdk.internal.misc.VM"),
                    "getRuntimeArguments", MethodType.methodType(String[].class)).invokeExact();
            for (String argument : arguments) {
                if (argument.startsWith("-agentlib:jdwp") || argument.startsWith("-Xrunjdwp")) {
                    return true;
                }
            }
            return false;
        } catch (Throwable unknown) {
            return true; // when in doubt, the way that loses nothing
        }
    }
}
