package io.loopguard.agent.common;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassOriginTest {

    @Test
    void jdkClassesInEitherSpelling() {
        for (String name : new String[] {"java.lang.Thread", "java/lang/Thread", "javax.net.ssl.SSLEngine",
                "jdk.internal.misc.Unsafe", "sun.nio.ch.NioSocketImpl", "com.sun.net.httpserver.HttpServer",
                "com/sun/crypto/provider/AESCrypt"}) {
            assertTrue(ClassOrigin.isJdk(name), name);
        }
    }

    @Test
    void aPackageOnlyMatchesWhole() {
        for (String name : new String[] {"javafx.Thing", "sunny.Day", "com.sunrise.App", "jdkx.Tool", "java"}) {
            assertFalse(ClassOrigin.isJdk(name), name);
        }
    }

    @Test
    void loopguardsOwnCodeButNotApplicationsInItsNamespace() {
        for (String name : new String[] {"io.loopguard.agent.Startup", "io/loopguard/bootstrap/Probe",
                "io.loopguard.shaded.net.bytebuddy.ByteBuddy"}) {
            assertTrue(ClassOrigin.isLoopguard(name), name);
        }
        for (String name : new String[] {"io.loopguard.demo.Main", "io.loopguard.junit.LoopguardExtension",
                "io.loopguard.BlockingCallError", "io.loopguard.agentx.Thing"}) {
            assertFalse(ClassOrigin.isLoopguard(name), name);
        }
    }
}
