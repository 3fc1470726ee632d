package io.loopguard.agent.common;

import java.util.Map;

/**
 * A framework's class found under the name it was published with or under a copy of it relocated into another
 * library's jar (shaded): {@code io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoop} is Netty's
 * {@code io.netty.channel.nio.NioEventLoop}. A relocated name ends in the original one, after a package separator.
 * Takes binary names ({@code io.netty.X}) and internal ones ({@code io/netty/X}) alike, each compared with names of
 * the same form. The JDK's names are never relocated.
 *
 * <p>Self-contained (only JDK types), as it runs inside class-file transformers.
 */
public final class RelocatedNames {

    private RelocatedNames() {
    }

    /** Whether {@code name} is {@code published}, or {@code published} relocated. */
    public static boolean matches(String name, String published) {
        if (name.equals(published)) {
            return true;
        }
        int prefix = name.length() - published.length() - 1;
        return prefix > 0 && name.endsWith(published) && isSeparator(name.charAt(prefix)) && !isJdk(published);
    }

    /** The value for {@code name}, or for the published name it is a relocated copy of; {@code null} if none. */
    public static <V> V find(Map<String, V> byPublishedName, String name) {
        V value = byPublishedName.get(name);
        if (value != null || isJdk(name)) {
            return value; // a JDK class is no relocated copy: every class the JDK loads comes here, uncopied
        }
        for (int i = 1; value == null && i < name.length() - 1; i++) {
            if (isSeparator(name.charAt(i))) {
                String published = name.substring(i + 1);
                if (!isJdk(published)) {
                    value = byPublishedName.get(published);
                }
            }
        }
        return value;
    }

    /** Whether {@code name} is in the package {@code published} or below it, or in a relocated copy of it. */
    public static boolean inPackage(String name, String publishedPackage) {
        int at = name.indexOf(publishedPackage);
        while (at >= 0) {
            int end = at + publishedPackage.length();
            if ((at == 0 || isSeparator(name.charAt(at - 1))) && end < name.length() && isSeparator(name.charAt(end))) {
                return true;
            }
            at = name.indexOf(publishedPackage, at + 1);
        }
        return false;
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == '/';
    }

    private static boolean isJdk(String name) {
        return startsWithPackage(name, "java") || startsWithPackage(name, "javax") || startsWithPackage(name, "jdk")
                || startsWithPackage(name, "sun") || name.startsWith("com.sun.") || name.startsWith("com/sun/");
    }

    private static boolean startsWithPackage(String name, String first) {
        return name.length() > first.length() && name.startsWith(first) && isSeparator(name.charAt(first.length()));
    }
}
