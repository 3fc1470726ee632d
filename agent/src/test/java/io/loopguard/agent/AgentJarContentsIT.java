package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.testkit.ForkedJvm;
import java.io.IOException;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The agent jar holds only Loopguard's packages: every library inside is relocated under io.loopguard.shaded. */
class AgentJarContentsIT {

    @Test
    void everyClassIsLoopguardsOrRelocatedUnderItsShadedPackage() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            List<String> foreign = jar.stream().map(ZipEntry::getName)
                    .filter(name -> !name.startsWith("META-INF/") && !name.startsWith("io/loopguard/")
                            && !name.equals("io/"))
                    .toList();
            assertEquals(List.of(), foreign, "entries outside io/loopguard/ and META-INF/");
            List<String> services = jar.stream().map(ZipEntry::getName)
                    .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
                    .filter(name -> !name.startsWith("META-INF/services/io.loopguard."))
                    .toList();
            assertEquals(List.of(), services, "service files for unrelocated types");
            assertTrue(jar.getEntry("io/loopguard/shaded/io/micrometer/prometheusmetrics/PrometheusMeterRegistry.class") != null,
                    "Micrometer's Prometheus registry is inside, relocated");
        }
    }
}
