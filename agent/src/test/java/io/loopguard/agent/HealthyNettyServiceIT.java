package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.HealthyNettyService;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A healthy Netty service — 20,000 keep-alive HTTP requests, TLS handshakes with a certificate keytool
 * makes now, timers, the global executor, graceful shutdown — is reported nothing at all.
 */
class HealthyNettyServiceIT {
    private static final String PASSWORD = "loopguard";

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void aHealthyNettyServiceIsReportedNothing(Jdk jdk, @TempDir Path dir) throws Exception {
        Path keystore = selfSignedKeystore(jdk, dir);
        // The probes' silence is tested here; the watchdog's on healthy load in StallWatchdogIT. A first JDK-TLS
        // handshake (key generation, class loading) can hold a loop past 100 ms on a loaded machine: a real
        // start-up stall, not what this test is about.
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("stall-threshold=off")
                .run(HealthyNettyService.class, "20000", "3", keystore.toString(), PASSWORD)
                .assertSucceeded();
        assertTrue(run.stdout().contains("RESULT served 20000 keep-alive requests and 3 over TLS"), run.toString());
        assertTrue(run.stderr().contains("loopguard: active on JDK " + jdk.feature()), run.stderr());
        assertEquals(0, run.events().all().size(), run.events().toString());
        assertTrue(run.stderr().contains("loopguard: summary: no blocking calls"), run.stderr());
    }

    private static Path selfSignedKeystore(Jdk jdk, Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(jdk.home().resolve("bin/keytool").toString(), "-genkeypair",
                "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool failed");
        return keystore;
    }
}
