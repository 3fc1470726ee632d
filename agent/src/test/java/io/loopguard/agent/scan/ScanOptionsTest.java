package io.loopguard.agent.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.agent.common.MethodRef;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanOptionsTest {

    @Test
    void readsPathsClassPathsAndRepeatedOptions() {
        ScanOptions options = ScanOptions.parse(List.of("app.jar" + File.pathSeparator + "classes",
                "--classpath=a.jar" + File.pathSeparator + "b.jar", "--entry", "com.acme.Loop#turn,com.acme.Loop#tick",
                "--allow", "com.acme.Cache#warmUp", "--depth", "5", "--packages", "com.acme.*"));
        assertEquals(List.of(Path.of("app.jar"), Path.of("classes")), options.application());
        assertEquals(List.of(Path.of("a.jar"), Path.of("b.jar")), options.classpath());
        assertEquals(List.of(new MethodRef("com.acme.Loop", "turn"), new MethodRef("com.acme.Loop", "tick")),
                options.entries());
        assertEquals(List.of(new MethodRef("com.acme.Cache", "warmUp")), options.allowed());
        assertEquals(5, options.maxDepth());
        assertTrue(options.inApplicationPackages("com/acme/Handler"));
        assertFalse(options.inApplicationPackages("com/acmeother/Handler"));
    }

    @Test
    void mistakesAreSentencesThatSayWhatToDo() {
        assertEquals("unknown option --sarf; see scan --help",
                assertThrows(IllegalArgumentException.class, () -> ScanOptions.parse(List.of("--sarf", "x"))).getMessage());
        assertEquals("name at least one jar or class directory to scan; see scan --help",
                assertThrows(IllegalArgumentException.class, () -> ScanOptions.parse(List.of("--quiet"))).getMessage());
        assertEquals("--update-baseline needs --baseline FILE to write to", assertThrows(IllegalArgumentException.class,
                () -> ScanOptions.parse(List.of("--update-baseline", "app.jar"))).getMessage());
        assertEquals("--depth takes a whole number of methods above 0, not 'deep'", assertThrows(
                IllegalArgumentException.class, () -> ScanOptions.parse(List.of("--depth", "deep", "x"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ScanOptions.parse(List.of("--entry", "com.acme.Loop", "x"))).getMessage().contains("Class#method"));
    }
}
