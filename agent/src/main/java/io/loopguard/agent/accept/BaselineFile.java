package io.loopguard.agent.accept;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A baseline file: the known findings, one per line, sorted so that a change shows as a small diff; lines
 * starting with {@code #} are comments.
 */
final class BaselineFile {
    private static final String HEADER = """
            # Loopguard baseline: blocking calls known today, not reported while they are listed here.
            # One line per call site: operation | call site | thread family | reason: why it is kept for now.
            # Fix a call, then delete its line; a new blocking call is reported as usual.
            """;

    private BaselineFile() {
    }

    /** The findings of {@code file}; a bad line is named in {@code problems} (file:line, what is wrong) and left out. */
    static List<KnownFinding> read(Path file, Consumer<String> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.accept("baseline " + file + ": cannot be read (" + e + "); every finding is reported");
            return List.of();
        }
        List<KnownFinding> findings = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                findings.add(KnownFinding.parse(line));
            } catch (IllegalArgumentException bad) {
                problems.accept("baseline " + file + ":" + (i + 1) + ": the line " + bad.getMessage()
                        + "; it is left out, the other lines apply");
            }
        }
        return findings;
    }

    /** The findings of {@code file}, or none if it does not exist yet. */
    static List<KnownFinding> readIfExists(Path file, Consumer<String> problems) {
        return Files.exists(file) ? read(file, problems) : List.of();
    }

    /** Replaces {@code file} at once: a reader never sees half of it. */
    static void write(Path file, Collection<KnownFinding> findings) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        findings.stream().sorted(Comparator.comparing(KnownFinding::key))
                .forEach(finding -> text.append(finding.line()).append('\n'));
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }
}
