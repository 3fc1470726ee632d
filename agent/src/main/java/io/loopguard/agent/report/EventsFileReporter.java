package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;

/** Appends every detection, unabridged, to the {@code events} JSON Lines file. */
public final class EventsFileReporter implements Reporter {
    private final Path path;
    private final Writer out;
    private final Consumer<String> problems;
    private boolean failed;

    private EventsFileReporter(Path path, Writer out, Consumer<String> problems) {
        this.path = path;
        this.out = out;
        this.problems = problems;
    }

    /** Opens (creating or appending to) the file; throws with a readable reason if it cannot be written. */
    public static EventsFileReporter open(Path path, Consumer<String> problems) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new EventsFileReporter(path, out, problems);
    }

    @Override
    public void report(Detection detection) {
        write(JsonLine.of(DetectionFields.of(detection)));
    }

    @Override
    public void dropped(long count) {
        write(JsonLine.of(DetectionFields.dropped(count, Instant.now())));
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            fail(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            fail(e);
        }
    }

    private void write(String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            fail(e);
        }
    }

    private void fail(IOException e) {
        if (!failed) {
            failed = true;
            problems.accept("could not write the events file " + path + " (" + e.getMessage()
                    + "); detections are still reported on stderr");
        }
    }
}
