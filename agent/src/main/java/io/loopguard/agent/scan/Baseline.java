package io.loopguard.agent.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings a team already knows of, one {@link Finding#id()} per line ({@code #} starts a comment), so a build
 * fails only on new ones. Ids name the calling method and what it calls, not lines: editing a file keeps them.
 */
final class Baseline {
    private final Set<String> known;

    private Baseline(Set<String> known) {
        this.known = known;
    }

    static Baseline none() {
        return new Baseline(Set.of());
    }

    /** Reads {@code file}; a file that does not exist yet is an empty baseline. */
    static Baseline read(Path file) throws IOException {
        Set<String> known = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String id = line.strip();
                if (!id.isEmpty() && !id.startsWith("#")) {
                    known.add(id);
                }
            }
        } catch (NoSuchFileException e) {
            return none();
        }
        return new Baseline(known);
    }

    boolean contains(Finding finding) {
        return known.contains(finding.id());
    }

    static void write(Path file, List<Finding> findings) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# Blocking paths loopguard scan reported and the team accepted for now; one per line:");
        lines.add("# the calling method -> the blocking method it calls. Delete a line once it is fixed.");
        findings.stream().map(Finding::id).distinct().sorted().forEach(lines::add);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, lines);
    }
}
