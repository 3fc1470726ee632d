package io.loopguard.agent.common;

import java.util.List;

/**
 * Whose code a class is: the JDK's, Loopguard's own, or the application's (everything else). Takes binary
 * names ({@code java.lang.Thread}) and internal ones ({@code java/lang/Thread}) alike.
 */
public final class ClassOrigin {
    private static final List<String> JDK = List.of("java", "javax", "jdk", "sun", "com.sun");
    /** The agent, its bootstrap part and the libraries relocated into it; not user code in io.loopguard.*. */
    private static final List<String> LOOPGUARD = List.of("io.loopguard.agent", "io.loopguard.bootstrap",
            "io.loopguard.shaded");

    private ClassOrigin() {
    }

    public static boolean isJdk(String className) {
        return inAny(className, JDK);
    }

    public static boolean isLoopguard(String className) {
        return inAny(className, LOOPGUARD);
    }

    private static boolean inAny(String className, List<String> packages) {
        for (String prefix : packages) {
            if (inPackage(className, prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code className} is in {@code prefix} or below it, whichever separator it uses. */
    private static boolean inPackage(String className, String prefix) {
        if (className.length() <= prefix.length()) {
            return false;
        }
        for (int i = 0; i <= prefix.length(); i++) {
            char expected = i < prefix.length() ? prefix.charAt(i) : '.';
            char actual = className.charAt(i);
            if (actual != expected && !(expected == '.' && actual == '/')) {
                return false;
            }
        }
        return true;
    }
}
