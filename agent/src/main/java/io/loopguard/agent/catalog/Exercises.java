package io.loopguard.agent.catalog;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * For each operation of the {@link Catalog}, a call that reaches its probe at once: the start-up self-test runs
 * it on a canary thread, where a working probe throws instead of letting it block. A {@code switch}, not a
 * lambda per operation: each lambda would be a class spun at every start.
 */
public final class Exercises {
    /** Never touched: the probe throws first; and were it missing, the directory does not exist. */
    private static final Path PATH = Path.of("loopguard-self-test-no-such-directory", "file");
    private static final File FILE = PATH.toFile();
    private static final String AQS = "java.util.concurrent.locks.AbstractQueuedSynchronizer";
    private static final String CONDITION = AQS + "$ConditionObject.";
    private static final String FILE_CHANNEL = "sun.nio.ch.FileChannelImpl";
    private static final String SOCKET_CHANNEL = "sun.nio.ch.SocketChannelImpl";
    private static final String DATAGRAM_CHANNEL = "sun.nio.ch.DatagramChannelImpl";

    private Exercises() {
    }

    /** Runs the exercise of the operation named {@code operation}; an operation without one is a bug here. */
    public static void run(String operation) throws Exception {
        switch (operation) {
            case "java.lang.Thread.sleep" -> Thread.sleep(1);
            case "java.lang.Thread.join" -> Thread.currentThread().join(1);
            case "java.lang.Object.wait" -> {
                Object monitor = new Object();
                synchronized (monitor) {
                    monitor.wait(1);
                }
            }
            case "java.util.concurrent.locks.LockSupport.park" -> LockSupport.park();
            case "java.util.concurrent.locks.LockSupport.parkNanos" -> LockSupport.parkNanos(1);
            case "java.util.concurrent.locks.LockSupport.parkUntil" -> LockSupport.parkUntil(0);
            case AQS + ".acquire" -> new Semaphore(0).tryAcquire(1, TimeUnit.NANOSECONDS);
            case CONDITION + "await", CONDITION + "awaitNanos", CONDITION + "awaitUntil",
                    CONDITION + "awaitUninterruptibly" -> awaitCondition(operation.substring(CONDITION.length()));
            // The task is never run: only a future that has not finished matters.
            case "java.util.concurrent.FutureTask.awaitDone" ->
                    new FutureTask<Void>(Thread.currentThread(), null).get(1, TimeUnit.NANOSECONDS);
            case "java.util.concurrent.CompletableFuture.waitingGet" -> new CompletableFuture<Void>().join();
            case "java.util.concurrent.CompletableFuture.timedGet" ->
                    new CompletableFuture<Void>().get(1, TimeUnit.NANOSECONDS);

            case "java.io.FileInputStream.read" -> Uninitialized.of(FileInputStream.class).read();
            case "java.io.FileOutputStream.write" -> Uninitialized.of(FileOutputStream.class).write(0);
            case "java.io.RandomAccessFile.read" -> Uninitialized.of(RandomAccessFile.class).read();
            case "java.io.RandomAccessFile.write" -> Uninitialized.of(RandomAccessFile.class).write(0);
            case "java.nio.file.Files.readAllBytes" -> Files.readAllBytes(PATH);
            case "java.nio.file.Files.readString" -> Files.readString(PATH);
            case "java.nio.file.Files.readAllLines" -> Files.readAllLines(PATH);
            case "java.nio.file.Files.write" -> Files.write(PATH, new byte[0]);
            case "java.nio.file.Files.writeString" -> Files.writeString(PATH, "");
            case "java.nio.channels.FileChannel.read" -> fileChannel().read(ByteBuffer.allocate(0));
            case "java.nio.channels.FileChannel.write" -> fileChannel().write(ByteBuffer.allocate(0));
            case "java.nio.channels.FileChannel.force" -> fileChannel().force(true);
            case "java.nio.channels.FileChannel.transferTo" -> fileChannel().transferTo(0, 0, null);
            case "java.nio.channels.FileChannel.transferFrom" -> fileChannel().transferFrom(null, 0, 0);
            case "java.nio.channels.FileChannel.lock" -> fileChannel().lock();

            case "java.io.File.exists" -> FILE.exists();
            case "java.io.File.isFile" -> FILE.isFile();
            case "java.io.File.isDirectory" -> FILE.isDirectory();
            case "java.io.File.length" -> FILE.length();
            case "java.io.File.lastModified" -> FILE.lastModified();
            case "java.io.File.list" -> FILE.list();
            case "java.io.File.listFiles" -> FILE.listFiles();
            case "java.io.File.createNewFile" -> FILE.createNewFile();
            case "java.io.File.mkdir" -> FILE.mkdir();
            case "java.io.File.mkdirs" -> FILE.mkdirs();
            case "java.io.File.delete" -> FILE.delete();
            case "java.io.File.renameTo" -> FILE.renameTo(FILE);
            case "java.nio.file.Files.readAttributes" -> Files.size(PATH);
            case "java.nio.file.Files.newDirectoryStream" -> Files.newDirectoryStream(PATH);
            case "java.nio.file.Files.createDirectory" -> Files.createDirectory(PATH);
            case "java.nio.file.Files.delete" -> Files.delete(PATH);
            case "java.nio.file.Files.move" -> Files.move(PATH, PATH);
            case "java.nio.file.Files.copy" -> Files.copy(PATH, PATH);
            case "java.nio.file.Files.createFile" -> Files.createFile(PATH);

            case "java.net.Socket.connect" -> Uninitialized.of(Socket.class).connect(null);
            case "java.net.Socket$SocketInputStream.read" ->
                    Uninitialized.of("java.net.Socket$SocketInputStream", InputStream.class).read();
            case "java.net.Socket$SocketOutputStream.write" ->
                    Uninitialized.of("java.net.Socket$SocketOutputStream", OutputStream.class).write(0);
            case "java.net.ServerSocket.accept" -> Uninitialized.of(ServerSocket.class).accept();
            case "java.net.DatagramSocket.send" -> Uninitialized.of(DatagramSocket.class).send(null);
            case "java.net.DatagramSocket.receive" -> Uninitialized.of(DatagramSocket.class).receive(null);
            case "java.nio.channels.SocketChannel.connect" -> socketChannel().connect(null);
            case "java.nio.channels.SocketChannel.read" -> socketChannel().read(ByteBuffer.allocate(0));
            case "java.nio.channels.SocketChannel.write" -> socketChannel().write(ByteBuffer.allocate(0));
            case "java.nio.channels.ServerSocketChannel.accept" ->
                    Uninitialized.of("sun.nio.ch.ServerSocketChannelImpl", ServerSocketChannel.class).accept();
            case "java.nio.channels.DatagramChannel.receive" -> datagramChannel().receive(null);
            case "java.nio.channels.DatagramChannel.send" -> datagramChannel().send(null, null);
            case "java.nio.channels.DatagramChannel.read" -> datagramChannel().read(ByteBuffer.allocate(0));
            case "java.nio.channels.DatagramChannel.write" -> datagramChannel().write(ByteBuffer.allocate(0));
            case "java.nio.channels.Selector.select" -> select();

            case "java.net.InetAddress.getAllByName" -> InetAddress.getAllByName("localhost");
            case "java.net.InetAddress.getLocalHost" -> InetAddress.getLocalHost();
            case "java.net.InetAddress.getHostName" ->
                    InetAddress.getByAddress(new byte[] {127, 0, 0, 1}).getCanonicalHostName();

            case "java.lang.ProcessBuilder.start" -> new ProcessBuilder("loopguard-self-test").start();
            case "java.lang.Process.waitFor" -> Uninitialized.of("java.lang.ProcessImpl", Process.class).waitFor();

            case "java.net.http.HttpClient.send" ->
                    Uninitialized.of("jdk.internal.net.http.HttpClientImpl", HttpClient.class).send(null, null);
            default -> throw new IllegalArgumentException("no self-test exercise for " + operation);
        }
    }

    /** A real selector (an epoll instance, closed again): the JDK's selectors are abstract above the OS's own. */
    private static void select() throws IOException {
        try (Selector selector = Selector.open()) {
            selector.select(1);
        }
    }

    private static void awaitCondition(String method) throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        Condition condition = lock.newCondition();
        lock.lock();
        try {
            switch (method) {
                case "await" -> condition.await(1, TimeUnit.NANOSECONDS);
                case "awaitNanos" -> condition.awaitNanos(1);
                case "awaitUntil" -> condition.awaitUntil(new Date(0));
                default -> condition.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
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
}
