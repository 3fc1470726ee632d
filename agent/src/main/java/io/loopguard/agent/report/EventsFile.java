package io.loopguard.agent.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The events file on disk, opened only after checks that keep the agent from waiting on another process
 * (a FIFO blocks its writer until a reader comes) or writing where it was not asked to (a symlink planted
 * in a shared directory). It appends whole batches of lines or nothing, and rotates to one older file.
 */
final class EventsFile {
    private final Path path;
    private final boolean followSymlinks;
    private final FileChannel channel;
    /** Identifies the file opened (device and inode on Unix), to notice it was deleted or replaced. */
    private final Object fileKey;
    private final long sizeAtOpen;

    private EventsFile(Path path, boolean followSymlinks, FileChannel channel, Object fileKey, long sizeAtOpen) {
        this.path = path;
        this.followSymlinks = followSymlinks;
        this.channel = channel;
        this.fileKey = fileKey;
        this.sizeAtOpen = sizeAtOpen;
    }

    /**
     * Opens {@code path} to append, creating it (but never its directory).
     *
     * @throws IOException with a sentence saying what is wrong with the path
     */
    static EventsFile open(Path path, boolean followSymlinks) throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new IOException("the directory " + directory + " does not exist; create it first");
        }
        LinkOption[] links = followSymlinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        BasicFileAttributes before = attributes(path, links);
        if (before != null && before.isSymbolicLink()) {
            throw new IOException("it is a symbolic link, which is not followed unless events-follow-symlinks=true");
        }
        if (before != null && !before.isRegularFile()) {
            throw new IOException("it is not a regular file (a directory, FIFO or device); name a file instead");
        }
        OpenOption[] options = followSymlinks
                ? new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND}
                : new OpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS};
        FileChannel channel = FileChannel.open(path, options);
        try {
            BasicFileAttributes opened = attributes(path, links);
            if (opened == null || !opened.isRegularFile()) {
                throw new IOException("it was replaced while being opened");
            }
            return new EventsFile(path, followSymlinks, channel, opened.fileKey(), channel.size());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /** How many bytes the file held when it was opened: more than 0 means this run appends to an older one. */
    long sizeAtOpen() {
        return sizeAtOpen;
    }

    long size() throws IOException {
        return channel.size();
    }

    /** Whether the path still names the file this opened (not deleted, moved away or replaced). */
    boolean isStillAtItsPath() {
        LinkOption[] links = followSymlinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
        try {
            BasicFileAttributes now = attributes(path, links);
            return now != null && Objects.equals(now.fileKey(), fileKey);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Appends all of {@code bytes}, or, if the write fails part way (disk full), cuts the file back to
     * where it was, so that a line is never left cut off or later spliced to another.
     */
    void append(ByteBuffer bytes) throws IOException {
        long before = channel.size();
        try {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            try {
                channel.truncate(before);
            } catch (IOException ignored) {
                // The write's own failure is the one to report.
            }
            throw e;
        }
    }

    /** Closes this file and renames it to {@link #rotated}, replacing the one rotated before. */
    Path rotate() throws IOException {
        channel.close();
        Path older = rotated(path);
        Files.move(path, older, StandardCopyOption.REPLACE_EXISTING);
        return older;
    }

    void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more can be written to it either way.
        }
    }

    /** Where the file goes when it reaches its size limit: {@code events.jsonl.1}. */
    static Path rotated(Path path) {
        return path.resolveSibling(path.getFileName() + ".1");
    }

    private static BasicFileAttributes attributes(Path path, LinkOption... links) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, links);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
