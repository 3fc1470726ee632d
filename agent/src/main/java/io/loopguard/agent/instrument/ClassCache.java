package io.loopguard.agent.instrument;

import io.loopguard.agent.common.AgentThread;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
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

/**
 * Transformed class files kept on disk between runs, so that a JVM whose classes were woven before
 * starts without loading ByteBuddy. An entry is found by a hash of the agent jar's identity, the class,
 * what is done to it and its original bytes; it is used only if it holds exactly those original bytes
 * and its checksum holds, so a stale, foreign or torn entry is woven again, never trusted.
 *
 * <p>The directory is the user's own ({@code rwx------}); entries are written by a background thread to a
 * temporary file and renamed into place, so JVMs starting together never see half an entry. A directory
 * that cannot be created (a read-only home) just means no cache.
 */
final class ClassCache {
    private static final int MAGIC = 0x4c47_4343; // "LGCC"
    private static final int FORMAT = 1;
    private static final int UNCHANGED = -1;
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    /** No cache: every class is woven. */
    static final ClassCache OFF = new ClassCache(null, null);

    private final Path directory;
    private final String agentIdentity;
    private final Queue<Runnable> writes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingWrites = new AtomicInteger();
    private Thread writer;

    private ClassCache(Path directory, String agentIdentity) {
        this.directory = directory;
        this.agentIdentity = agentIdentity;
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
            return new ClassCache(directory, identity);
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
        byte[] original = redefined == null ? classFile : stableOriginal(redefined, className, classFile);
        String key = agentIdentity + "\n" + className + "\n" + plan;
        Path entry = directory.resolve(fileName(className, key, original));
        byte[] cached = read(entry, key, original);
        if (cached != null) {
            return cached.length == 0 ? null : cached;
        }
        byte[] result = transform.get();
        write(entry, key, original, result);
        return result;
    }

    /**
     * What identifies a loaded class across runs. The JVM rebuilds a retransformed class's file from memory,
     * with its methods in an order that changes from run to run, so that file is no key: its own class file
     * is, together with the rebuilt file's length, which differs if anything changed the class as it loaded.
     */
    private static byte[] stableOriginal(Class<?> redefined, String className, byte[] classFile) {
        try (InputStream resource = redefined.getResourceAsStream("/" + className + ".class")) {
            if (resource == null) {
                return classFile;
            }
            byte[] own = resource.readAllBytes();
            byte[] original = Arrays.copyOf(own, own.length + Integer.BYTES);
            ByteBuffer.wrap(original, own.length, Integer.BYTES).putInt(classFile.length);
            return original;
        } catch (IOException | RuntimeException unreadable) {
            return classFile;
        }
    }

    private static byte[] read(Path entry, String key, byte[] original) {
        try {
            byte[] file = Files.readAllBytes(entry);
            if (file.length < Long.BYTES) {
                return null;
            }
            CRC32C checksum = new CRC32C();
            checksum.update(file, 0, file.length - Long.BYTES);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(file));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(key)
                    || !Arrays.equals(in.readNBytes(in.readInt()), original)) {
                return null;
            }
            int length = in.readInt();
            byte[] transformed = length == UNCHANGED ? new byte[0] : in.readNBytes(length);
            return transformed.length == Math.max(length, 0) && in.readLong() == checksum.getValue() ? transformed : null;
        } catch (NoSuchFileException notYet) {
            return null;
        } catch (IOException | RuntimeException unreadable) {
            return null; // woven again, and the entry replaced
        }
    }

    private void write(Path entry, String key, byte[] original, byte[] transformed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(original.length * 2 + key.length() + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(key);
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

    private static String fileName(String className, String key, byte[] original) {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
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
