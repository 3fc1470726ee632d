package io.loopguard.agent.report;

import io.loopguard.agent.detect.Detection;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Appends every detection, unabridged, to the {@code events} JSON Lines file. It runs on the reporting
 * thread only, so a slow or failing disk never holds up the application. Nothing is lost silently: a
 * detection that could not be written is counted, and the count is written as a {@code dropped} record
 * as soon as writing works again; each failure is said once on stderr, and so is the recovery.
 */
public final class EventsFileReporter implements Reporter {
    /** A batch is written when the reporting thread has nothing more to take, or before it grows past this. */
    private static final long MAX_BATCH_BYTES = 1 << 20;
    /** More than a {@code dropped} record takes, to size a batch before that record is written. */
    private static final int RECORD_BYTES = 200;

    private final Path path;
    private final boolean followSymlinks;
    private final long maxSize;
    /** A quarter of the size limit at most, so that a file rotated before a batch stays within the limit. */
    private final long maxBatchBytes;
    private final Consumer<String> problems;
    private final LineBatch batch = new LineBatch();
    private EventsFile file;
    private boolean refused;
    /** Detections that could not be written, for the next {@code dropped} record. */
    private long lost;
    /** A failure was said on stderr and writing has not worked since. */
    private boolean failing;
    private boolean rotatedBefore;
    /** Detections this run wrote to the file and to the rotated older file, for the {@code rotated} record. */
    private long countInFile;
    private long countInRotated;
    /** Detections this run wrote to older files that rotation deleted since. */
    private long discarded;
    private volatile String status;

    /**
     * @param maxSize         the size at which the file is rotated, in bytes
     * @param followSymlinks  whether a path that is a symbolic link is followed (otherwise it is refused)
     * @param problems        receives one sentence per problem, for stderr
     */
    public EventsFileReporter(Path path, long maxSize, boolean followSymlinks, Consumer<String> problems) {
        this.path = path;
        this.maxSize = maxSize;
        this.maxBatchBytes = Math.min(MAX_BATCH_BYTES, maxSize / 4);
        this.followSymlinks = followSymlinks;
        this.problems = problems;
        this.status = "events=" + path + " (being opened)";
    }

    /** What the start-up line says about the events file: only what is known to be true when it is printed. */
    public String status() {
        return status;
    }

    @Override
    public void start() {
        try {
            file = EventsFile.open(path, followSymlinks);
            status = "events=" + path + (file.sizeAtOpen() > 0
                    ? " (appending to an existing file of " + file.sizeAtOpen() + " bytes)" : "");
        } catch (IOException | RuntimeException e) {
            refused = true;
            status = "no events file";
            problems.accept("option events: cannot write to '" + path + "': " + reason(e)
                    + "; detections are reported on stderr only");
        }
    }

    @Override
    public void report(Detection detection) {
        add(JsonLine.of(DetectionFields.of(detection)), 1);
    }

    @Override
    public void dropped(long count) {
        add(JsonLine.of(DetectionFields.dropped(count, DetectionFields.QUEUE_FULL, Instant.now())), count);
    }

    @Override
    public void flush() {
        if (refused || batch.lines() == 0 && lost == 0) {
            batch.clear();
            return;
        }
        checkTheFileIsStillThere();
        if (file == null) {
            lose();
            return;
        }
        LineBatch lines = new LineBatch();
        String rotated = rotateIfFull(batch.byteSize() + (lost > 0 ? RECORD_BYTES : 0));
        if (file == null) {
            lose();
            return;
        }
        if (!rotated.isEmpty()) {
            lines.add(rotated, 0);
        }
        long recorded = lost;
        if (lost > 0) {
            lines.add(JsonLine.of(DetectionFields.dropped(lost, DetectionFields.WRITE_FAILED, Instant.now())), lost);
        }
        lines.addAll(batch);
        batch.clear();
        int written = lines.lines();
        IOException failure = null;
        try {
            file.append(lines.all());
        } catch (IOException e) {
            failure = e;
            written = appendWhatFits(lines);
        }
        lost = lines.countFrom(written);
        countInFile += lines.countFrom(0) - lost;
        if (failure != null) {
            fail("could not write the events file " + path + " (" + reason(failure) + ")");
        } else if (failing) {
            failing = false;
            problems.accept("writing the events file " + path + " works again" + (recorded > 0 ? "; the " + recorded
                    + " detections that could not be written are counted in a dropped record" : ""));
        }
    }

    /** After a batch failed (and was cut back): appends its lines one by one while they fit; returns how many did. */
    private int appendWhatFits(LineBatch lines) {
        for (int i = 0; i < lines.lines(); i++) {
            try {
                file.append(lines.line(i));
            } catch (IOException e) {
                return i;
            }
        }
        return lines.lines();
    }

    @Override
    public void close() {
        flush();
        if (file != null) {
            file.close();
        }
        if (lost > 0) {
            problems.accept(lost + " detections could not be written to the events file " + path
                    + "; they were reported on stderr");
        }
    }

    private void add(String line, long count) {
        if (batch.byteSize() > 0 && batch.byteSize() + line.length() >= maxBatchBytes) {
            flush();
        }
        batch.add(line, count);
    }

    private void lose() {
        lost += batch.countFrom(0);
        batch.clear();
    }

    /**
     * Before each batch (one file-status call): notices the file was deleted (with its directory, maybe) or
     * replaced, and tries to start a new one.
     */
    private void checkTheFileIsStillThere() {
        boolean gone = file != null && !file.isStillAtItsPath();
        if (gone) {
            file.close();
            file = null;
            countInFile = 0;
        }
        if (file == null) {
            try {
                file = EventsFile.open(path, followSymlinks);
                if (gone) {
                    problems.accept("the events file " + path + " was deleted or replaced; a new one was started"
                            + " (what was written to the old one since the last batch is lost with it)");
                }
            } catch (IOException | RuntimeException e) {
                fail((gone ? "the events file " + path + " was deleted or replaced, and a new one cannot be started ("
                        : "cannot start a new events file " + path + " (") + reason(e) + ")");
            }
        }
    }

    /**
     * Renames a file that {@code adding} more bytes would take past {@code events-max-size} and starts a new one.
     * Returns the {@code rotated} record that must start the new file, or an empty string.
     */
    private String rotateIfFull(long adding) {
        try {
            long size = file.size();
            if (size == 0 || size + adding <= maxSize) {
                return "";
            }
            EventsFile full = file;
            file = null;
            Path older = full.rotate();
            discarded += countInRotated;
            countInRotated = countInFile;
            countInFile = 0;
            file = EventsFile.open(path, followSymlinks);
            if (!rotatedBefore) {
                rotatedBefore = true;
                problems.accept("the events file " + path + " reached events-max-size (" + maxSize + " bytes); it was"
                        + " renamed to " + older + ", replacing the older one, and a new file was started"
                        + " (said once; each new file starts with a rotated record)");
            }
            return JsonLine.of(DetectionFields.rotated(older.toString(), discarded, Instant.now()));
        } catch (IOException | RuntimeException e) {
            fail("could not rotate the events file " + path + " (" + reason(e) + ")");
            return "";
        }
    }

    private void fail(String what) {
        if (!failing) {
            failing = true;
            problems.accept(what + "; detections are counted as dropped until it can be written again,"
                    + " and are still reported on stderr");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof FileSystemException fileSystem && fileSystem.getReason() == null) {
            return e.getClass().getSimpleName() + ": " + fileSystem.getFile(); // e.g. NoSuchFileException
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
