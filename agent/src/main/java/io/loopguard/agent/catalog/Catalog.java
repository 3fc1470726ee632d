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

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

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
    /** Never touched: the probe throws first; and were it missing, the directory does not exist. */
    private static final Path SELF_TEST_PATH = Path.of("loopguard-self-test-no-such-directory", "file");
    private static final File SELF_TEST_FILE = SELF_TEST_PATH.toFile();

    public static final List<BlockingOperation> OPERATIONS = List.of(
            // sleep(long) is native on JDK 17 and sleep(Duration) exists from 19: every overload is probed.
            op("java.lang.Thread", "sleep", SLEEP, () -> Thread.sleep(1)),
            op("java.lang.Thread", "join", WAIT_FOR_OTHER_THREAD, () -> Thread.currentThread().join(1)),
            op("java.lang.Object", "wait", WAIT_FOR_OTHER_THREAD, () -> {
                Object monitor = new Object();
                synchronized (monitor) {
                    monitor.wait(1);
                }
            }),
            // The primitive under every java.util.concurrent wait not listed below.
            op("java.util.concurrent.locks.LockSupport", "park", WAIT_FOR_OTHER_THREAD, LockSupport::park),
            op("java.util.concurrent.locks.LockSupport", "parkNanos", WAIT_FOR_OTHER_THREAD,
                    () -> LockSupport.parkNanos(1)),
            op("java.util.concurrent.locks.LockSupport", "parkUntil", WAIT_FOR_OTHER_THREAD,
                    () -> LockSupport.parkUntil(0)),
            // Entered only when a lock, semaphore or latch is not free: the contended path.
            new BlockingOperation(AQS + ".acquire", AQS, List.of("acquire"), 6, LOCK_WAITED_LONGER_THAN_THRESHOLD,
                    CONTENDED_LOCK, () -> new Semaphore(0).tryAcquire(1, TimeUnit.NANOSECONDS)),
            // Condition.await always waits; probed before it releases the lock (BlockingQueue.take/put).
            op(AQS + "$ConditionObject", "await", WAIT_FOR_OTHER_THREAD,
                    () -> withCondition(c -> c.await(1, TimeUnit.NANOSECONDS))),
            op(AQS + "$ConditionObject", "awaitNanos", WAIT_FOR_OTHER_THREAD,
                    () -> withCondition(c -> c.awaitNanos(1))),
            op(AQS + "$ConditionObject", "awaitUntil", WAIT_FOR_OTHER_THREAD,
                    () -> withCondition(c -> c.awaitUntil(new Date(0)))),
            op(AQS + "$ConditionObject", "awaitUninterruptibly", WAIT_FOR_OTHER_THREAD,
                    () -> withCondition(Condition::awaitUninterruptibly)),
            // Future.get on a task that has not finished.
            op("java.util.concurrent.FutureTask", "awaitDone", WAIT_FOR_OTHER_THREAD,
                    () -> new FutureTask<>(() -> null).get(1, TimeUnit.NANOSECONDS)),
            // CompletableFuture.get/join on a future that is not complete.
            op("java.util.concurrent.CompletableFuture", "waitingGet", WAIT_FOR_OTHER_THREAD,
                    () -> new CompletableFuture<>().join()),
            op("java.util.concurrent.CompletableFuture", "timedGet", WAIT_FOR_OTHER_THREAD,
                    () -> new CompletableFuture<>().get(1, TimeUnit.NANOSECONDS)),

            // Files. readAllBytes, readNBytes and (JDK 21+) transferTo go straight to native code.
            io("java.io.FileInputStream.read", "java.io.FileInputStream", ALWAYS, FILE_IO,
                    () -> Uninitialized.of(FileInputStream.class).read(),
                    "read", "readAllBytes", "readNBytes", "transferTo"),
            io("java.io.FileOutputStream.write", "java.io.FileOutputStream", NOT_TO_CONSOLE, FILE_IO,
                    () -> Uninitialized.of(FileOutputStream.class).write(0), "write"),
            // readInt and friends call read() once per byte on JDK 17: probed too, so one call is one report.
            io("java.io.RandomAccessFile.read", "java.io.RandomAccessFile", ALWAYS, FILE_IO,
                    () -> Uninitialized.of(RandomAccessFile.class).read(), "read", "readFully", "readBoolean",
                    "readByte", "readUnsignedByte", "readShort", "readUnsignedShort", "readChar", "readInt",
                    "readLong", "readFloat", "readDouble", "readLine", "readUTF"),
            io("java.io.RandomAccessFile.write", "java.io.RandomAccessFile", ALWAYS, FILE_IO,
                    () -> Uninitialized.of(RandomAccessFile.class).write(0), "write", "writeBoolean", "writeByte",
                    "writeShort", "writeChar", "writeInt", "writeLong", "writeFloat", "writeDouble", "writeBytes",
                    "writeChars", "writeUTF"),
            // Whole-file helpers read or write until done: one report for the call, not one per chunk.
            io("java.nio.file.Files.readAllBytes", "java.nio.file.Files", ALWAYS, FILE_IO,
                    () -> Files.readAllBytes(SELF_TEST_PATH), "readAllBytes"),
            io("java.nio.file.Files.readString", "java.nio.file.Files", ALWAYS, FILE_IO,
                    () -> Files.readString(SELF_TEST_PATH), "readString"),
            io("java.nio.file.Files.readAllLines", "java.nio.file.Files", ALWAYS, FILE_IO,
                    () -> Files.readAllLines(SELF_TEST_PATH), "readAllLines"),
            io("java.nio.file.Files.write", "java.nio.file.Files", ALWAYS, FILE_IO,
                    () -> Files.write(SELF_TEST_PATH, new byte[0]), "write"),
            io("java.nio.file.Files.writeString", "java.nio.file.Files", ALWAYS, FILE_IO,
                    () -> Files.writeString(SELF_TEST_PATH, ""), "writeString"),
            // Every FileChannel, and so the streams of Files.newInputStream/newOutputStream/newBufferedReader.
            io("java.nio.channels.FileChannel.read", FILE_CHANNEL, ALWAYS, FILE_IO,
                    () -> fileChannel().read(ByteBuffer.allocate(0)), "read"),
            io("java.nio.channels.FileChannel.write", FILE_CHANNEL, ALWAYS, FILE_IO,
                    () -> fileChannel().write(ByteBuffer.allocate(0)), "write"),
            io("java.nio.channels.FileChannel.force", FILE_CHANNEL, ALWAYS, FILE_IO,
                    () -> fileChannel().force(true), "force"),
            io("java.nio.channels.FileChannel.transferTo", FILE_CHANNEL, ALWAYS, FILE_IO,
                    () -> fileChannel().transferTo(0, 0, null), "transferTo"),
            io("java.nio.channels.FileChannel.transferFrom", FILE_CHANNEL, ALWAYS, FILE_IO,
                    () -> fileChannel().transferFrom(null, 0, 0), "transferFrom"),
            // lock waits for another process's lock; tryLock never waits.
            io("java.nio.channels.FileChannel.lock", FILE_CHANNEL, ALWAYS, FILE_IO,
                    () -> fileChannel().lock(), "lock"),

            // File-system metadata. java.io.File is the lowest level with a body on every JDK: on JDK 17 the
            // UnixFileSystem methods under it are native. A method calling another (mkdirs) is one report.
            metadata("exists", SELF_TEST_FILE::exists),
            metadata("isFile", SELF_TEST_FILE::isFile),
            metadata("isDirectory", SELF_TEST_FILE::isDirectory),
            metadata("length", SELF_TEST_FILE::length),
            metadata("lastModified", SELF_TEST_FILE::lastModified),
            metadata("list", SELF_TEST_FILE::list),
            metadata("listFiles", SELF_TEST_FILE::listFiles),
            metadata("createNewFile", SELF_TEST_FILE::createNewFile),
            metadata("mkdir", SELF_TEST_FILE::mkdir),
            metadata("mkdirs", SELF_TEST_FILE::mkdirs),
            metadata("delete", SELF_TEST_FILE::delete),
            metadata("renameTo", () -> SELF_TEST_FILE.renameTo(SELF_TEST_FILE)),
            // java.nio.file: every attribute read (exists, isDirectory, size, getLastModifiedTime, readAttributes,
            // each entry of a walk, lazily too) ends in one of the dispatcher's stat calls, on JDK 17 and 25 alike.
            io("java.nio.file.Files.readAttributes", "sun.nio.fs.UnixNativeDispatcher", ALWAYS, FILE_METADATA,
                    () -> Files.size(SELF_TEST_PATH), "stat", "stat2", "lstat", "fstatat", "access", "exists"),
            // The rest at the provider, the lowest level both JDKs share (below it, Linux opens a directory with
            // the same call that opens a file).
            io("java.nio.file.Files.newDirectoryStream", FILE_SYSTEM_PROVIDER, ALWAYS, FILE_METADATA,
                    () -> Files.newDirectoryStream(SELF_TEST_PATH), "newDirectoryStream"),
            io("java.nio.file.Files.createDirectory", FILE_SYSTEM_PROVIDER, ALWAYS, FILE_METADATA,
                    () -> Files.createDirectory(SELF_TEST_PATH), "createDirectory"),
            io("java.nio.file.Files.delete", FILE_SYSTEM_PROVIDER, ALWAYS, FILE_METADATA,
                    () -> Files.delete(SELF_TEST_PATH), "implDelete"),
            io("java.nio.file.Files.move", FILE_SYSTEM_PROVIDER, ALWAYS, FILE_METADATA,
                    () -> Files.move(SELF_TEST_PATH, SELF_TEST_PATH), "move"),
            io("java.nio.file.Files.copy", FILE_SYSTEM_PROVIDER, ALWAYS, FILE_IO,
                    () -> Files.copy(SELF_TEST_PATH, SELF_TEST_PATH), "copy"),
            // Opens the file with the call every file open makes: probed where it is called.
            io("java.nio.file.Files.createFile", "java.nio.file.Files", ALWAYS, FILE_METADATA,
                    () -> Files.createFile(SELF_TEST_PATH), "createFile"),

            // Sockets: every java.net.Socket (plain or TLS, so HttpURLConnection, JDBC drivers, Jedis).
            io("java.net.Socket.connect", "java.net.Socket", ALWAYS, NETWORK_IO,
                    () -> Uninitialized.of(Socket.class).connect(null), "connect"),
            io("java.net.Socket$SocketInputStream.read", "java.net.Socket$SocketInputStream", ALWAYS, NETWORK_IO,
                    () -> Uninitialized.of("java.net.Socket$SocketInputStream", InputStream.class).read(), "read"),
            io("java.net.Socket$SocketOutputStream.write", "java.net.Socket$SocketOutputStream", ALWAYS,
                    NETWORK_IO, () -> Uninitialized.of("java.net.Socket$SocketOutputStream", OutputStream.class)
                            .write(0), "write"),
            io("java.net.ServerSocket.accept", "java.net.ServerSocket", ALWAYS, NETWORK_IO,
                    () -> Uninitialized.of(ServerSocket.class).accept(), "accept"),
            io("java.net.DatagramSocket.send", "java.net.DatagramSocket", ALWAYS, NETWORK_IO,
                    () -> Uninitialized.of(DatagramSocket.class).send(null), "send"),
            io("java.net.DatagramSocket.receive", "java.net.DatagramSocket", ALWAYS, NETWORK_IO,
                    () -> Uninitialized.of(DatagramSocket.class).receive(null), "receive"),
            // NIO channels in blocking mode only; the blocking* methods serve their socket adaptors.
            io("java.nio.channels.SocketChannel.connect", SOCKET_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    () -> socketChannel().connect(null), "connect", "blockingConnect"),
            io("java.nio.channels.SocketChannel.read", SOCKET_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    () -> socketChannel().read(ByteBuffer.allocate(0)), "read", "blockingRead"),
            io("java.nio.channels.SocketChannel.write", SOCKET_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    () -> socketChannel().write(ByteBuffer.allocate(0)), "write", "blockingWriteFully"),
            io("java.nio.channels.ServerSocketChannel.accept", "sun.nio.ch.ServerSocketChannelImpl",
                    CHANNEL_IN_BLOCKING_MODE, NETWORK_IO, () -> Uninitialized.of("sun.nio.ch.ServerSocketChannelImpl",
                            ServerSocketChannel.class).accept(), "accept", "blockingAccept"),
            io("java.nio.channels.DatagramChannel.receive", DATAGRAM_CHANNEL, CHANNEL_IN_BLOCKING_MODE,
                    NETWORK_IO, () -> datagramChannel().receive(null), "receive", "blockingReceive"),
            io("java.nio.channels.DatagramChannel.send", DATAGRAM_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    () -> datagramChannel().send(null, null), "send", "blockingSend"),
            io("java.nio.channels.DatagramChannel.read", DATAGRAM_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    () -> datagramChannel().read(ByteBuffer.allocate(0)), "read"),
            io("java.nio.channels.DatagramChannel.write", DATAGRAM_CHANNEL, CHANNEL_IN_BLOCKING_MODE, NETWORK_IO,
                    () -> datagramChannel().write(ByteBuffer.allocate(0)), "write"),
            // A selector the application waits on; an event loop's own select, between its tasks, is not reported.
            // selectNow never waits and is not probed.
            io("java.nio.channels.Selector.select", "sun.nio.ch.SelectorImpl", NOT_BETWEEN_LOOP_TASKS, SELECT,
                    Catalog::select, "select"),

            // Name resolution: entered for every host name that is not an IP literal, cached or not.
            io("java.net.InetAddress.getAllByName", "java.net.InetAddress", ALWAYS, NAME_RESOLUTION,
                    () -> InetAddress.getAllByName("localhost"), "getAllByName0"),
            io("java.net.InetAddress.getLocalHost", "java.net.InetAddress", ALWAYS, NAME_RESOLUTION,
                    InetAddress::getLocalHost, "getLocalHost"),
            // A reverse lookup: getHostName of an address made from an IP, getCanonicalHostName.
            io("java.net.InetAddress.getHostName", "java.net.InetAddress", ALWAYS, NAME_RESOLUTION,
                    () -> InetAddress.getByAddress(new byte[] {127, 0, 0, 1}).getCanonicalHostName(),
                    "getHostFromNameService"),

            // Processes (Runtime.exec too).
            io("java.lang.ProcessBuilder.start", "java.lang.ProcessBuilder", ALWAYS, PROCESS,
                    () -> new ProcessBuilder("loopguard-self-test").start(), "start"),
            io("java.lang.Process.waitFor", "java.lang.ProcessImpl", ALWAYS, PROCESS,
                    () -> Uninitialized.of("java.lang.ProcessImpl", Process.class).waitFor(), "waitFor"),

            // The JDK's HTTP client waits on a future; reported as the call the application made.
            io("java.net.http.HttpClient.send", "jdk.internal.net.http.HttpClientImpl", ALWAYS, HTTP_REQUEST,
                    () -> Uninitialized.of("jdk.internal.net.http.HttpClientImpl", HttpClient.class).send(null, null),
                    "send"));

    private Catalog() {
    }

    private static BlockingOperation op(String className, String method, Remedy remedy,
                                        BlockingOperation.Exercise exercise) {
        return new BlockingOperation(className, method, ANY_PARAMETERS, remedy, exercise);
    }

    private static BlockingOperation io(String name, String className, BlocksWhen condition, Remedy remedy,
                                        BlockingOperation.Exercise exercise, String... methodNames) {
        return new BlockingOperation(name, className, List.of(methodNames), ANY_PARAMETERS, condition, remedy,
                exercise);
    }

    /** One {@code java.io.File} method that asks the file system, reported under its own name. */
    private static BlockingOperation metadata(String method, BlockingOperation.Exercise exercise) {
        return new BlockingOperation("java.io.File", method, ANY_PARAMETERS, FILE_METADATA, exercise);
    }

    /** A real selector (an epoll instance, closed again): the JDK's selectors are abstract above the OS's own. */
    private static void select() throws IOException {
        try (Selector selector = Selector.open()) {
            selector.select(1);
        }
    }

    private static FileChannel fileChannel() throws ReflectiveOperationException {
        return Uninitialized.of(FILE_CHANNEL, FileChannel.class);
    }

    private static SocketChannel socketChannel() throws ReflectiveOperationException {
        return Uninitialized.of(SOCKET_CHANNEL, SocketChannel.class);
    }

    private static DatagramChannel datagramChannel() throws ReflectiveOperationException {
        return Uninitialized.of(DATAGRAM_CHANNEL, DatagramChannel.class);
    }

    private static void withCondition(ConditionWait wait) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition condition = lock.newCondition();
        lock.lock();
        try {
            wait.on(condition);
        } finally {
            lock.unlock();
        }
    }

    private interface ConditionWait {
        void on(Condition condition) throws InterruptedException;
    }
}
