package io.loopguard.agent.catalog;

import static io.loopguard.agent.catalog.BlockingOperation.ANY_PARAMETERS;
import static io.loopguard.agent.catalog.BlocksWhen.ALWAYS;
import static io.loopguard.agent.catalog.BlocksWhen.CHANNEL_IN_BLOCKING_MODE;
import static io.loopguard.agent.catalog.BlocksWhen.NOT_BETWEEN_LOOP_TASKS;
import static io.loopguard.agent.catalog.BlocksWhen.LOCK_WAITED_LONGER_THAN_THRESHOLD;
import static io.loopguard.agent.catalog.BlocksWhen.NOT_TO_CONSOLE;
import static io.loopguard.agent.catalog.Remedy.CONTENDED_LOCK;
import static io.loopguard.agent.catalog.Remedy.FILE_IO;
import static io.loopguard.agent.catalog.Remedy.FILE_METADATA;
import static io.loopguard.agent.catalog.Remedy.HTTP_REQUEST;
import static io.loopguard.agent.catalog.Remedy.NAME_RESOLUTION;
import static io.loopguard.agent.catalog.Remedy.NETWORK_IO;
import static io.loopguard.agent.catalog.Remedy.PROCESS;
import static io.loopguard.agent.catalog.Remedy.SELECT;
import static io.loopguard.agent.catalog.Remedy.SLEEP;
import static io.loopguard.agent.catalog.Remedy.WAIT_FOR_OTHER_THREAD;

import java.util.List;

/**
 * Every JDK method Loopguard treats as blocking. An operation's id is its index in {@link #OPERATIONS}.
 *
 * <p>Where a JDK method waits only sometimes (a lock, a future), the entry is the internal method the
 * JDK enters only when it is about to wait, so an uncontended lock or a completed future is not
 * reported, and {@code strict} mode can throw before the JDK has changed any state.
 */
public final class Catalog {
    private static final String AQS = "java.util.concurrent.locks.AbstractQueuedSynchronizer";
    private static final String FILE_CHANNEL = "sun.nio.ch.FileChannelImpl";
    private static final String SOCKET_CHANNEL = "sun.nio.ch.SocketChannelImpl";
    private static final String DATAGRAM_CHANNEL = "sun.nio.ch.DatagramChannelImpl";
    private static final String FILE_SYSTEM_PROVIDER = "sun.nio.fs.UnixFileSystemProvider";
    /**
     * The classes that take a lock or semaphore through {@code AbstractQueuedSynchronizer.acquire}, with their
     * nested classes: what the caller of that method is, past the synchronizer's own frames.
     */
    public static final List<String> LOCKS = List.of("java.util.concurrent.locks.ReentrantLock",
            "java.util.concurrent.locks.ReentrantReadWriteLock", "java.util.concurrent.Semaphore");

    public static final List<BlockingOperation> OPERATIONS = List.of(
            // sleep(long) is native on JDK 17 and sleep(Duration) exists from 19: every overload is probed.
            op("java.lang.Thread", "sleep", SLEEP),
            op("java.lang.Thread", "join", WAIT_FOR_OTHER_THREAD),
            op("java.lang.Object", "wait", WAIT_FOR_OTHER_THREAD),
            // The primitive under every java.util.concurrent wait not listed below.
            op("java.util.concurrent.locks.LockSupport", "park", WAIT_FOR_OTHER_THREAD),
            op("java.util.concurrent.locks.LockSupport", "parkNanos", WAIT_FOR_OTHER_THREAD),
            op("java.util.concurrent.locks.LockSupport", "parkUntil", WAIT_FOR_OTHER_THREAD),
            // Entered only when a lock, semaphore or latch is not free: the contended path.
            new BlockingOperation(AQS + ".acquire", AQS, List.of("acquire"), 6, LOCK_WAITED_LONGER_THAN_THRESHOLD,
                    CONTENDED_LOCK),
            // Condition.await always waits; probed before it releases the lock (BlockingQueue.take/put).
            op(AQS + "$ConditionObject", "await", WAIT_FOR_OTHER_THREAD),
            op(AQS + "$ConditionObject", "awaitNanos", WAIT_FOR_OTHER_THREAD),
            op(AQS + "$ConditionObject", "awaitUntil", WAIT_FOR_OTHER_THREAD),
            op(AQS + "$ConditionObject", "awaitUninterruptibly", WAIT_FOR_OTHER_THREAD),
            // Future.get on a task that has not finished.
            op("java.util.concurrent.FutureTask", "awaitDone", WAIT_FOR_OTHER_THREAD),
            // CompletableFuture.get/join on a future that is not complete.
            op("java.util.concurrent.CompletableFuture", "waitingGet", WAIT_FOR_OTHER_THREAD),
            op("java.util.concurrent.CompletableFuture", "timedGet", WAIT_FOR_OTHER_THREAD),

            // Files. readAllBytes, readNBytes and (JDK 21+) transferTo go straight to native code.
            io("java.io.FileInputStream.read", "java.io.FileInputStream", ALWAYS, FILE_IO,
                    "read", "readAllBytes", "readNBytes", "transferTo"),
            io("java.io.FileOutputStream.write", "java.io.FileOutputStream", NOT_TO_CONSOLE, FILE_IO, "write"),
            // readInt and friends call read() once per byte on JDK 17: probed too, so one call is one report.
            io("java.io.RandomAccessFile.read", "java.io.RandomAccessFile", ALWAYS, FILE_IO, "read", "readFully",
                    "readBoolean", "readByte", "readUnsignedByte", "readShort", "readUnsignedShort", "readChar",
                    "readInt", "readLong", "readFloat", "readDouble", "readLine", "readUTF"),
            io("java.io.RandomAccessFile.write", "java.io.RandomAccessFile", ALWAYS, FILE_IO, "write", "writeBoolean",
                    "writeByte", "writeShort", "writeChar", "writeInt", "writeLong", "writeFloat", "writeDouble",
                    "writeBytes", "writeChars", "writeUTF"),
            // Whole-file helpers read or write until done: one report for the call, not one per chunk.
            io("java.nio.file.Files.readAllBytes", "java.nio.file.Files", ALWAYS, FILE_IO, "readAllBytes"),
            io("java.nio.file.Files.readString", "java.nio.file.Files", ALWAYS, FILE_IO, "readString"),
            io("java.nio.file.Files.readAllLines", "java.nio.file.Files", ALWAYS, FILE_IO, "readAllLines"),
            io("java.nio.file.Files.write", "java.nio.file.Files", ALWAYS, FILE_IO, "write"),
            io("java.nio.file.Files.writeString", "java.nio.file.Files", ALWAYS, FILE_IO, "writeString"),
            // Every FileChannel, and so the streams of Files.newInputStream/newOutputStream/newBufferedReader.
            io("java.nio.channels.FileChannel.read", FILE_CHANNEL, ALWAYS, FILE_IO, "read"),
            io("java.nio.channels.FileChannel.write", FILE_CHANNEL, ALWAYS, FILE_IO, "write"),
            io("java.nio.channels.FileChannel.force", FILE_CHANNEL, ALWAYS, FILE_IO, "force"),
            io("java.nio.channels.FileChannel.transferTo", FILE_CHANNEL, ALWAYS, FILE_IO, "transferTo"),
            io("java.nio.channels.FileChannel.transferFrom", FILE_CHANNEL, ALWAYS, FILE_IO, "transferFrom"),
            // lock waits for another process's lock; tryLock never waits.
            io("java.nio.channels.FileChannel.lock", FILE_CHANNEL, ALWAYS, FILE_IO, "lock"),

            // File-system metadata. java.io.File is the lowest level with a body on every JDK: on JDK 17 the
            // UnixFileSystem methods under it are native. A method calling another (mkdirs) is one report.
            metadata("exists"),
            metadata("isFile"),
            metadata("isDirectory"),
            metadata("length"),
            metadata("lastModified"),
            metadata("list"),
            metadata("listFiles"),
            metadata("createNewFile"),
            metadata("mkdir"),
            metadata("mkdirs"),
            metadata("delete"),
            metadata("renameTo"),
            // java.nio.file: every attribute read (exists, isDirectory, size, getLastModifiedTime, readAttributes,
            // each entry of a walk, lazily too) ends in one of the dispatcher's stat calls, on JDK 17 and 25 alike.
            io("java.nio.file.Files.readAttributes", "sun.nio.fs.UnixNativeDispatcher", ALWAYS, FILE_METADATA,
                    "stat", "stat2", "lstat", "fstatat", "access", "exists"),
            // The rest at the provider, the lowest level both JDKs share (below it, Linux opens a directory with
            // the same call that opens a file).
            io("java.nio.file.Files.newDirectoryStream", FILE_SYSTEM_PROVIDER, ALWAYS, FILE_METADATA,
                    "newDirectoryStream"),
            io("java.nio.file.Files.createDirectory", FILE_SYSTEM_PROVIDER, ALWAYS, FILE_METADATA, "createDirectory"),
            io("java.nio.file.Files.delete", FILE_SYSTEM_PROVIDER, ALWAYS, FILE_METADATA, "implDelete"),
            io("java.nio.file.Files.move", FILE_SYSTEM_PROVIDER, ALWAYS, FILE_METADATA, "move"),
            io("java.nio.file.Files.copy", FILE_SYSTEM_PROVIDER, ALWAYS, FILE_IO, "copy"),
            // Opens the file with the call every file open makes: probed where it is called.
            io("java.nio.file.Files.createFile", "java.nio.file.Files", ALWAYS, FILE_METADATA, "createFile"),

            // Sockets: every java.net.Socket (plain or TLS, so HttpURLConnection, JDBC drivers, Jedis).
            io("java.net.Socket.connect", "java.net.Socket", ALWAYS, NETWORK_IO, "connect"),
            io("java.net.Socket$SocketInputStream.read", "java.net.Socket$SocketInputStream", ALWAYS, NETWORK_IO,
                    "read"),
            io("java.net.Socket$SocketOutputStream.write", "java.net.Socket$SocketOutputStream", ALWAYS,
                    NETWORK_IO, "write"),
            io("java.net.ServerSocket.accept", "java.net.ServerSocket", ALWAYS, NETWORK_IO, "accept"),
            io("java.net.DatagramSocket.send", "java.net.DatagramSocket", ALWAYS, NETWORK_IO, "send"),
            io("java.net.DatagramSocket.receive", "java.net.DatagramSocket", ALWAYS, NETWORK_IO, "receive"),
            // NIO channels in blocking mode only; the blocking* methods serve their socket adaptors.
            io("java.nio.channels.SocketChannel.connect", SOCKET_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    "connect", "blockingConnect"),
            io("java.nio.channels.SocketChannel.read", SOCKET_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    "read", "blockingRead"),
            io("java.nio.channels.SocketChannel.write", SOCKET_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    "write", "blockingWriteFully"),
            io("java.nio.channels.ServerSocketChannel.accept", "sun.nio.ch.ServerSocketChannelImpl",
                    CHANNEL_IN_BLOCKING_MODE, NETWORK_IO, "accept", "blockingAccept"),
            io("java.nio.channels.DatagramChannel.receive", DATAGRAM_CHANNEL, CHANNEL_IN_BLOCKING_MODE,
                    NETWORK_IO, "receive", "blockingReceive"),
            io("java.nio.channels.DatagramChannel.send", DATAGRAM_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    "send", "blockingSend"),
            io("java.nio.channels.DatagramChannel.read", DATAGRAM_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    "read"),
            io("java.nio.channels.DatagramChannel.write", DATAGRAM_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    "write"),
            // A selector the application waits on; an event loop's own select, between its tasks, is not reported.
            // selectNow never waits and is not probed.
            io("java.nio.channels.Selector.select", "sun.nio.ch.SelectorImpl", NOT_BETWEEN_LOOP_TASKS, SELECT,
                    "select"),

            // Name resolution: entered for every host name that is not an IP literal, cached or not.
            io("java.net.InetAddress.getAllByName", "java.net.InetAddress", ALWAYS, NAME_RESOLUTION, "getAllByName0"),
            io("java.net.InetAddress.getLocalHost", "java.net.InetAddress", ALWAYS, NAME_RESOLUTION, "getLocalHost"),
            // A reverse lookup: getHostName of an address made from an IP, getCanonicalHostName.
            io("java.net.InetAddress.getHostName", "java.net.InetAddress", ALWAYS, NAME_RESOLUTION,
                    "getHostFromNameService"),

            // Processes (Runtime.exec too).
            io("java.lang.ProcessBuilder.start", "java.lang.ProcessBuilder", ALWAYS, PROCESS, "start"),
            io("java.lang.Process.waitFor", "java.lang.ProcessImpl", ALWAYS, PROCESS, "waitFor"),

            // The JDK's HTTP client waits on a future; reported as the call the application made.
            io("java.net.http.HttpClient.send", "jdk.internal.net.http.HttpClientImpl", ALWAYS, HTTP_REQUEST, "send"));

    private Catalog() {
    }

    private static BlockingOperation op(String className, String method, Remedy remedy) {
        return new BlockingOperation(className, method, ANY_PARAMETERS, remedy);
    }

    private static BlockingOperation io(String name, String className, BlocksWhen condition, Remedy remedy,
                                        String... methodNames) {
        return new BlockingOperation(name, className, List.of(methodNames), ANY_PARAMETERS, condition, remedy);
    }

    /** One {@code java.io.File} method that asks the file system, reported under its own name. */
    private static BlockingOperation metadata(String method) {
        return new BlockingOperation("java.io.File", method, ANY_PARAMETERS, FILE_METADATA);
    }
}
