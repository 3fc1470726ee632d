package io.loopguard.designation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.frameworks.ShadedNettyLoops;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Netty relocated inside another library (gRPC's grpc-netty-shaded) is Netty: its event loops are designated and
 * watched, its blocking methods probed, and a healthy server and client on them are silent.
 */
class ShadedNettyIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void shadedNettyEventLoopsAreDesignatedAndHealthyTrafficIsSilent(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk).run(ShadedNettyLoops.class);
        Reported.by(run, ShadedNettyLoops.class)
                .once("sleepInShadedHandler", "shaded-server-", "java.util.concurrent.locks.LockSupport.parkNanos")
                .once("syncOnAnotherShadedLoop", "shaded-server-", "io.netty.util.concurrent.Future.sync")
                .andNothingElse(2);
        assertTrue(run.stdout().contains("RESULT echo ping19"), run.stdout());
        assertTrue(run.stdout().contains("RESULT handler sleep"), run.stdout());
        // The watchdog times the relocated loops as it does Netty's own.
        assertTrue(run.stderr().contains("loopguard: event loop \"shaded-server-"), run.stderr());
        assertTrue(run.stderr().contains("loopguard: event loop \"shaded-client-"), run.stderr());
    }
}
