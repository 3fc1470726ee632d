package io.loopguard.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The JSON Lines events file of a forked run, every line parsed by a real JSON parser. */
public final class Events {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<JsonNode> lines;

    private Events(List<JsonNode> lines) {
        this.lines = lines;
    }

    public static Events read(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    lines.add(JSON.readTree(line));
                } catch (IOException e) {
                    fail("events line is not JSON: " + line + " (" + e.getMessage() + ")");
                }
            }
        }
        return new Events(lines);
    }

    public List<JsonNode> all() {
        return lines;
    }

    public Stream<JsonNode> stream() {
        return lines.stream();
    }

    /** The {@code blocking-call} events. */
    public List<JsonNode> blockingCalls() {
        return ofType("blocking-call");
    }

    public List<JsonNode> ofType(String type) {
        return where(e -> type.equals(e.path("type").asText()));
    }

    public List<JsonNode> where(Predicate<JsonNode> test) {
        return lines.stream().filter(test).toList();
    }

    /**
     * Blocking calls whose call site is in {@code className.methodName(} (not stalls: a loop held long
     * by such calls is also reported as a stall there).
     */
    public List<JsonNode> atCallSite(String className, String methodName) {
        String prefix = className + "." + methodName + "(";
        return where(e -> e.path("type").asText().equals("blocking-call") && e.path("callSite").asText().startsWith(prefix));
    }

    /** The sum of the {@code count} of every {@code dropped} line. */
    public long dropped() {
        return ofType("dropped").stream().mapToLong(e -> e.path("count").asLong()).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(lines.size() + " events:");
        lines.forEach(line -> text.append("\n  ").append(line.path("type").asText()).append(' ')
                .append(line.path("operation").asText()).append(" on ").append(line.path("thread").asText())
                .append(" at ").append(line.path("callSite").asText()));
        return text.toString();
    }
}
