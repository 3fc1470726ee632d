package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.testkit.ForkedJvm;
import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The agent jar adds nothing to an application's class path but Loopguard's own packages. */
class AgentJarContentsIT {

    @Test
    void holdsOnlyLoopguardClassesWithThirdPartyCodeRelocated() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            List<String> foreign = jar.stream().map(ZipEntry::getName)
                    .filter(name -> !name.startsWith("io/loopguard/") && !name.startsWith("META-INF/")
                            && !name.equals("io/"))
                    .toList();
            assertEquals(List.of(), foreign, "only io/loopguard/** and META-INF/** belong in the agent jar");
            for (String relocated : List.of("io/loopguard/shaded/net/bytebuddy/ByteBuddy.class",
                    "io/loopguard/shaded/org/HdrHistogram/Histogram.class")) {
                assertTrue(jar.getEntry(relocated) != null, relocated + " is missing");
            }
        }
    }
}
