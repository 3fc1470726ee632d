package io.loopguard.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDK the forked-JVM tests run on. The list comes from the build property {@code loopguard.test.jdks};
 * a JDK listed there that is missing fails the test, it is never skipped.
 */
public record Jdk(Path home, int feature) {

    /** Every JDK to test on, for {@code @MethodSource("io.loopguard.testkit.Jdk#all")}. */
    public static List<Jdk> all() {
        String listed = System.getProperty("loopguard.test.jdks");
        if (listed == null || listed.isBlank()) {
            listed = System.getProperty("java.home");
        }
        return Arrays.stream(listed.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(home -> of(Path.of(home))).toList();
    }

    static Jdk of(Path home) {
        Path java = home.resolve("bin/java");
        assertTrue(Files.isExecutable(java), "JDK listed in loopguard.test.jdks is missing: " + home
                + " (install it, or give the JDKs to test on: ./test finds them under /usr/lib/jvm, or takes"
                + " LOOPGUARD_TEST_JDKS=/path/to/jdk17,/path/to/jdk25; with Maven, -Dloopguard.test.jdks=...)");
        return new Jdk(home, featureOf(home));
    }

    Path java() {
        return home.resolve("bin/java");
    }

    private static int featureOf(Path home) {
        try {
            Path release = home.resolve("release");
            Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
            if (version.find()) {
                return Integer.parseInt(version.group(1));
            }
        } catch (Exception ignored) {
            // fall through to the error below
        }
        throw new IllegalStateException("cannot tell the version of the JDK at " + home);
    }

    @Override
    public String toString() {
        return "JDK " + feature;
    }
}
