package io.loopguard.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An application with its own Micrometer, older than the one inside the agent, sees Loopguard's meters
 * in its global registry and, through {@link LoopguardMeterBinder}, in a registry it builds.
 */
class ApplicationsOwnMicrometerIT {
    private static final String APP_MICROMETER = System.getProperty("app.micrometer.version");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void globalAndBoundRegistriesCountEveryBlockingCall(Jdk jdk) throws IOException {
        ForkedJvm.Run run = withAppMicrometer(ForkedJvm.on(jdk)).run(AppWithItsOwnMicrometer.class, "50").assertSucceeded();
        List<String> out = run.stdout().lines().toList();
        assertTrue(out.contains("MICROMETER " + APP_MICROMETER), "the application runs its own Micrometer\n" + run);
        assertTrue(out.contains("GLOBAL 100"), run.toString());
        assertTrue(out.contains("OWN 100"), run.toString());
        assertTrue(out.contains("METER loopguard.blocking.calls baseline=false,operation=java.util.concurrent.locks.LockSupport.parkNanos,"
                + "thread.group=multiThreadIoEventLoopGroup-*"), run.toString());
        assertTrue(out.contains("METER loopguard.events.dropped "), run.toString());
        assertTrue(run.stderr().lines().noneMatch(line -> line.startsWith("loopguard: cannot")), run.stderr());
    }

    @Test
    void withoutTheAgentTheBinderAddsNothingAndFailsNothing() throws IOException {
        ForkedJvm.Run run = withAppMicrometer(ForkedJvm.on(Jdk.all().get(0)).withoutAgent())
                .run(AppWithItsOwnMicrometer.class, "0").assertSucceeded();
        assertTrue(run.stdout().contains("OWN 0"), run.toString());
        assertEquals(0, run.stdout().lines().filter(line -> line.startsWith("METER ")).count(), run.toString());
    }

    /** Puts the application's Micrometer jars (copied by the build) on the forked JVM's classpath. */
    private static ForkedJvm withAppMicrometer(ForkedJvm jvm) throws IOException {
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("app.micrometer.dir")))) {
            return jvm.classpath(entry -> false, jars.sorted().toList());
        }
    }
}
