package io.loopguard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the figures were measured on: CPU, cores, memory, JDK, and how busy the machine was. */
final class Machine {
    private Machine() {
    }

    static String describe() {
        long memoryKib = Long.parseLong(procLine("/proc/meminfo", "MemTotal:").orElse("0").replaceAll("[^0-9]", ""));
        String cpu = procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElse("unknown CPU");
        return String.format(Locale.ROOT, "%s, %d cores, %.0f GiB memory, %s %s; JDK %s (%s)", cpu,
                Runtime.getRuntime().availableProcessors(), memoryKib / 1024.0 / 1024.0,
                System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"));
    }

    /** The 1-minute load average: above the core count, other work competed with the benchmarks. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The {@code JAVA_VERSION} of a JDK, from its {@code release} file, e.g. {@code JDK 25.0.1}. */
    static String jdkLabel(Path javaHome) {
        try {
            return Files.readAllLines(javaHome.resolve("release")).stream()
                    .filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> "JDK " + line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .findFirst().orElse(javaHome.toString());
        } catch (IOException e) {
            return javaHome.toString();
        }
    }

    private static Optional<String> procLine(String file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
