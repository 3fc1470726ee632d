package io.loopguard.agent.instrument;

import io.loopguard.agent.common.AgentThread;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;

/**
 * Transformed class files kept on disk between runs, so that a JVM whose classes were woven before
 * starts without loading ByteBuddy. An entry is found by a hash of the agent jar's identity, the class,
 * what is done to it and its original bytes; it is used only if it holds exactly those original bytes
 * and its checksum holds, so a stale, foreign or torn entry is woven again, never trusted. A retransformed
 * class of the JDK's runtime image is known by the image file's identity instead of its bytes, which
 * would have to be read from the image again on every start.
 *
 * <p>The directory is the user's own ({@code rwx------}); entries are written by a background thread to a
 * temporary file and renamed into place, so JVMs starting together never see half an entry. A directory
 * that cannot be created (a read-only home) just means no cache.
 */
final class ClassCache {
    private static final int MAGIC = 0x4c47_4343; // "LGCC"
    private static final int FORMAT = 2;
    private static final int UNCHANGED = -1;
    /** The original of a class from the runtime image: the image's identity, in the key, stands for its bytes. */
    private static final byte[] IN_RUNTIME_IMAGE = new byte[0];
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    /** No cache: every class is woven. */
    static final ClassCache OFF = new ClassCache(null, null, null);

    private final Path directory;
    private final String agentIdentity;
    /** The runtime image's path, size and time stamp; {@code null} when the JDK has none (an exploded build). */
    private final String runtimeImage;
    private final Queue<Runnable> writes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingWrites = new AtomicInteger();
    private Thread writer;

    private ClassCache(Path directory, String agentIdentity, String runtimeImage) {
        this.directory = directory;
        this.agentIdentity = agentIdentity;
        this.runtimeImage = runtimeImage;
    }

    /** @param setting the {@code cache} option: {@code on} (the user's cache directory), {@code off} or a directory */
    static ClassCache open(String setting, Consumer<String> problems) {
        return open(setting, agentJar(), problems);
    }

    /** @param agentJar the jar whose path, size and time stamp say which build wove an entry; {@code null}: no cache */
    static ClassCache open(String setting, Path agentJar, Consumer<String> problems) {
        if ("off".equals(setting) || agentJar == null) {
            return OFF;
        }
        Path directory = "on".equals(setting) ? defaultDirectory() : Path.of(setting);
        try {
            String identity = agentJar.toAbsolutePath() + " " + Files.size(agentJar) + " "
                    + Files.getLastModifiedTime(agentJar).toMillis() + " " + Runtime.version();
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PRIVATE));
            if (!isPrivate(directory)) {
                problems.accept("option cache: '" + directory + "' is not a directory only you can write to;"
                        + " woven classes are not cached (use a private directory, or cache=off)");
                return OFF;
            }
            return new ClassCache(directory, identity, runtimeImage());
        } catch (IOException | RuntimeException unwritable) {
            return OFF; // a read-only home: the cache only saves time
        }
    }

    /**
     * The transformed class file: from the cache, or from {@code transform}, which is then cached.
     *
     * @param redefined the class when it is being retransformed, else {@code null}
     * @param plan      what is done to the class, in words that change whenever the result would
     * @param classFile the class file the JVM handed over
     * @param transform returns the new class file, or {@code null} when the class stays as it is
     * @return as {@code transform}
     */
    byte[] transformed(String className, Class<?> redefined, String plan, byte[] classFile, Supplier<byte[]> transform) {
        if (directory == null) {
            return transform.get();
        }
        byte[] original = redefined == null ? classFile
                : inRuntimeImage(redefined, className) ? IN_RUNTIME_IMAGE : ownClassFile(redefined, className, classFile);
        // A retransformed class is known by its own class file and the length of the one the JVM rebuilt.
        String key = agentIdentity + "\n" + className + "\n" + plan
                + (original == classFile ? "" : "\nrebuilt " + classFile.length)
                + (original == IN_RUNTIME_IMAGE ? "\nimage " + runtimeImage : "");
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        Path entry = directory.resolve(fileName(className, keyBytes, original));
        byte[] cached = read(entry, keyBytes, original);
        if (cached != null) {
            return cached.length == 0 ? null : cached;
        }
        byte[] result = transform.get();
        write(entry, keyBytes, original, result);
        return result;
    }

    /**
     * Whether the class was loaded from the JDK's runtime image: not from a patched module
     * ({@code --patch-module}) or one upgraded from elsewhere, whose resource is then found there.
     */
    private boolean inRuntimeImage(Class<?> redefined, String className) {
        if (runtimeImage == null || !redefined.getModule().isNamed()) {
            return false;
        }
        try {
            URL resource = redefined.getResource("/" + className + ".class");
            return resource != null && "jrt".equals(resource.getProtocol());
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    /** The runtime image file's path, size and time stamp, or {@code null} if this JDK has none. */
    private static String runtimeImage() {
        Path modules = Path.of(System.getProperty("java.home"), "lib", "modules");
        try {
            return modules + " " + Files.size(modules) + " " + Files.getLastModifiedTime(modules).toMillis();
        } catch (IOException | RuntimeException none) {
            return null;
        }
    }

    /**
     * What identifies a loaded class across runs. The JVM rebuilds a retransformed class's file from memory,
     * with its methods in an order that changes from run to run, so that file is no key: its own class file
     * is, together with the rebuilt file's length (in the key), which differs if anything changed the class
     * as it loaded.
     */
    private static byte[] ownClassFile(Class<?> redefined, String className, byte[] classFile) {
        try (InputStream resource = redefined.getResourceAsStream("/" + className + ".class")) {
            return resource == null ? classFile : resource.readAllBytes();
        } catch (IOException | RuntimeException unreadable) {
            return classFile;
        }
    }

    /**
     * Read as a stream and compared piece by piece as it comes: a warm start reads an entry for every woven class,
     * and of each keeps only the woven bytes in memory.
     */
    private static byte[] read(Path entry, byte[] key, byte[] original) {
        CRC32C checksum = new CRC32C();
        // A small buffer for the lengths: the bytes are read in larger pieces, which go past it.
        try (DataInputStream in = new DataInputStream(new CheckedInputStream(
                new BufferedInputStream(Files.newInputStream(entry), 512), checksum))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !holds(in, key) || !holds(in, original)) {
                return null;
            }
            int length = in.readInt();
            if (length < UNCHANGED || length > in.available()) {
                return null;
            }
            byte[] transformed = new byte[Math.max(length, 0)];
            in.readFully(transformed);
            long expected = checksum.getValue();
            return in.readLong() == expected && in.read() == -1 ? transformed : null;
        } catch (NoSuchFileException notYet) {
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null; // woven again, and the entry replaced
        }
    }

    /** Whether the entry holds {@code expected} next, after its length. */
    private static boolean holds(DataInputStream in, byte[] expected) throws IOException {
        if (in.readInt() != expected.length) {
            return false;
        }
        byte[] piece = new byte[Math.min(expected.length, 4 * 1024)];
        for (int at = 0; at < expected.length; at += piece.length) {
            int length = Math.min(piece.length, expected.length - at);
            in.readFully(piece, 0, length);
            if (!Arrays.equals(piece, 0, length, expected, at, at + length)) {
                return false;
            }
        }
        return true;
    }

    private void write(Path entry, byte[] key, byte[] original, byte[] transformed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(original.length * 2 + key.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(key.length);
            out.write(key);
            out.writeInt(original.length);
            out.write(original);
            out.writeInt(transformed == null ? UNCHANGED : transformed.length);
            if (transformed != null) {
                out.write(transformed);
            }
            CRC32C checksum = new CRC32C();
            checksum.update(bytes.toByteArray());
            out.writeLong(checksum.getValue());
        } catch (IOException impossible) {
            return;
        }
        submit(entry, bytes.toByteArray());
    }

    private void store(Path entry, byte[] content) {
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, entry.getFileName().toString(), ".tmp");
            Files.write(temporary, content);
            try {
                Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException noAtomicRename) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | RuntimeException notWritten) {
            deleteQuietly(temporary); // the next run weaves it again
        }
    }

    /**
     * At exit: lets the entries still being written land, for at most {@code millis}, so that a class woven
     * just before a short-lived JVM ends is cached too.
     */
    void finishWrites(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (pendingWrites.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /**
     * Hands the entry to the writer thread, started with the first miss so that a warm start has none. A plain
     * thread and queue, not an executor: the classes an executor loads may be the very class being woven.
     */
    private void submit(Path entry, byte[] content) {
        pendingWrites.incrementAndGet();
        writes.add(() -> {
            try {
                store(entry, content);
            } finally {
                pendingWrites.decrementAndGet();
            }
        });
        synchronized (this) {
            if (writer == null) {
                writer = new AgentThread("loopguard-class-cache", this::writeForever);
                writer.start();
            }
        }
        LockSupport.unpark(writer);
    }

    /** At a detach, after {@link #finishWrites}: the writer thread ends; a later miss starts another. */
    synchronized void stopWriter() {
        if (writer != null) {
            writer.interrupt();
            writer = null;
        }
    }

    private void writeForever() {
        while (!Thread.currentThread().isInterrupted()) {
            Runnable write = writes.poll();
            if (write == null) {
                LockSupport.park(this);
            } else {
                write.run();
            }
        }
    }

    private static String fileName(String className, byte[] keyBytes, byte[] original) {
        CRC32C first = new CRC32C();
        first.update(keyBytes);
        first.update(original);
        CRC32 second = new CRC32();
        second.update(keyBytes);
        second.update(original);
        return fileSafe(className.substring(className.lastIndexOf('/') + 1)) + "-"
                + Long.toHexString(first.getValue() << 32 | second.getValue()) + ".class";
    }

    /** The name with every character but {@code A-Za-z0-9_$} made {@code _}; by hand, as it runs for every class read. */
    private static String fileSafe(String name) {
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$')) {
                chars[i] = '_';
            }
        }
        return new String(chars);
    }

    /** Owned by this user and writable by no one else: what is read from it goes into the JDK's own classes. */
    private static boolean isPrivate(Path directory) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS);
        }
        PosixFileAttributes attributes = view.readAttributes();
        Set<PosixFilePermission> permissions = attributes.permissions();
        return attributes.isDirectory()
                && attributes.owner().getName().equals(System.getProperty("user.name"))
                && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** The jar the agent runs from, whose path, size and time stamp say which build wove an entry; {@code null} if none. */
    private static Path agentJar() {
        try {
            Path location = Path.of(ClassCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | RuntimeException unknown) {
            return null;
        }
    }

    private static Path defaultDirectory() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("loopguard").resolve("classes");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stray temporary file, ignored by every reader
            }
        }
    }
}
