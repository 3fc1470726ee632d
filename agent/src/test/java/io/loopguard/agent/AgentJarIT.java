package io.loopguard.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.testkit.ForkedJvm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/** The agent jar is self-contained and cannot clash with an application's own libraries. */
class AgentJarIT {

    @Test
    void holdsOnlyLoopguardPackagesWithEveryLibraryRelocated() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            List<String> foreign = jar.stream().map(JarEntry::getName)
                    .filter(name -> !name.startsWith("io/loopguard/") && !name.startsWith("META-INF/")
                            && !name.equals("io/"))
                    .toList();
            assertEquals(List.of(), foreign, "classes outside io/loopguard would clash with the application's");
            List<String> services = jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
                    .filter(name -> !name.startsWith("META-INF/services/io.loopguard."))
                    .toList();
            assertEquals(List.of(), services, "service files for unrelocated types");
            for (String relocated : List.of("io/loopguard/shaded/net/bytebuddy/ByteBuddy.class",
                    "io/loopguard/shaded/io/micrometer/prometheusmetrics/PrometheusMeterRegistry.class",
                    "io/loopguard/shaded/org/HdrHistogram/Histogram.class",
                    "io/loopguard/shaded/io/micrometer/registry/otlp/OtlpMeterRegistry.class",
                    "io/loopguard/shaded/io/opentelemetry/proto/logs/v1/LogRecord.class",
                    "io/loopguard/shaded/com/google/protobuf/GeneratedMessage.class")) {
                assertTrue(jar.getEntry(relocated) != null, relocated + " is inside, relocated");
            }
        }
    }

    @Test
    void embedsTheBootstrapModuleWholeAndNoLooseCopyOfItsClasses() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            List<String> loose = jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("io/loopguard/bootstrap/") || name.equals("io/loopguard/BlockingCallError.class"))
                    .toList();
            assertEquals(List.of(), loose, "a loose copy could be loaded by the application class loader instead");
            JarEntry embedded = jar.getJarEntry("io/loopguard/agent/instrument/loopguard-bootstrap.jar");
            assertTrue(embedded != null, "the bootstrap module's jar is embedded");
            List<String> classes = new ArrayList<>();
            try (JarInputStream bootstrap = new JarInputStream(jar.getInputStream(embedded))) {
                for (JarEntry entry = bootstrap.getNextJarEntry(); entry != null; entry = bootstrap.getNextJarEntry()) {
                    classes.add(entry.getName());
                }
            }
            assertTrue(classes.containsAll(List.of("io/loopguard/bootstrap/Probe.class",
                    "io/loopguard/BlockingCallError.class")), classes.toString());
        }
    }

    @Test
    void manifestMakesItAnAgentForStartupAndForAttach() throws IOException {
        try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertEquals("io.loopguard.agent.AgentMain", manifest.getValue("Premain-Class"));
            assertEquals("io.loopguard.agent.AgentMain", manifest.getValue("Agent-Class"));
            assertEquals("true", manifest.getValue("Can-Retransform-Classes"));
        }
    }
}
