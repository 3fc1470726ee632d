package io.loopguard.scenarios;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import redis.clients.jedis.Jedis;

/**
 * One method per I/O call the catalogue covers, each a distinct call site, against real files, loopback
 * sockets, local name resolution, real processes, and the local PostgreSQL and Redis. What a call needs
 * beforehand (a file with content, a connected socket, a database connection) is made on a helper thread,
 * so that the calling thread makes only the call under test. Where a call waits for a peer, a helper acts
 * after a short delay.
 */
public final class IoBlockers {
    /** Calls reported exactly once, as this operation. */
    public static final Map<String, String> OPERATIONS = new LinkedHashMap<>();
    /**
     * Calls that make several reports at their call site, among them this operation: end-to-end clients
     * (connect, write, read), walks of a directory tree (the attributes of each entry, each folder listed).
     */
    public static final Map<String, String> SEVERAL_REPORTS = new LinkedHashMap<>();

    /**
     * Calls that first use a class whose static initialiser blocks (the call's name is the class's): reported
     * once as this operation, at the initialiser's line.
     */
    public static final Map<String, String> IN_STATIC_INITIALIZERS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("fileInputStreamRead", "java.io.FileInputStream.read");
        OPERATIONS.put("fileInputStreamReadAllBytes", "java.io.FileInputStream.read");
        OPERATIONS.put("systemInRead", "java.io.FileInputStream.read");
        OPERATIONS.put("fileOutputStreamWrite", "java.io.FileOutputStream.write");
        OPERATIONS.put("randomAccessFileRead", "java.io.RandomAccessFile.read");
        OPERATIONS.put("randomAccessFileWrite", "java.io.RandomAccessFile.write");
        OPERATIONS.put("fileChannelRead", "java.nio.channels.FileChannel.read");
        OPERATIONS.put("fileChannelWrite", "java.nio.channels.FileChannel.write");
        OPERATIONS.put("fileChannelForce", "java.nio.channels.FileChannel.force");
        OPERATIONS.put("fileChannelTransferTo", "java.nio.channels.FileChannel.transferTo");
        OPERATIONS.put("fileChannelTransferFrom", "java.nio.channels.FileChannel.transferFrom");
        OPERATIONS.put("fileChannelLock", "java.nio.channels.FileChannel.lock");
        OPERATIONS.put("filesReadAllBytes", "java.nio.file.Files.readAllBytes");
        OPERATIONS.put("filesReadString", "java.nio.file.Files.readString");
        OPERATIONS.put("filesReadAllLines", "java.nio.file.Files.readAllLines");
        OPERATIONS.put("filesWrite", "java.nio.file.Files.write");
        OPERATIONS.put("filesWriteString", "java.nio.file.Files.writeString");
        OPERATIONS.put("filesNewInputStreamRead", "java.nio.channels.FileChannel.read");
        OPERATIONS.put("filesNewBufferedReaderRead", "java.nio.channels.FileChannel.read");
        OPERATIONS.put("fileExists", "java.io.File.exists");
        OPERATIONS.put("fileIsFile", "java.io.File.isFile");
        OPERATIONS.put("fileIsDirectory", "java.io.File.isDirectory");
        OPERATIONS.put("fileLength", "java.io.File.length");
        OPERATIONS.put("fileLastModified", "java.io.File.lastModified");
        OPERATIONS.put("fileList", "java.io.File.list");
        OPERATIONS.put("fileListFiles", "java.io.File.listFiles");
        OPERATIONS.put("fileCreateNewFile", "java.io.File.createNewFile");
        OPERATIONS.put("fileMkdir", "java.io.File.mkdir");
        OPERATIONS.put("fileMkdirs", "java.io.File.mkdirs");
        OPERATIONS.put("fileDelete", "java.io.File.delete");
        OPERATIONS.put("fileRenameTo", "java.io.File.renameTo");
        OPERATIONS.put("filesExists", "java.nio.file.Files.readAttributes");
        OPERATIONS.put("filesIsDirectory", "java.nio.file.Files.readAttributes");
        OPERATIONS.put("filesSize", "java.nio.file.Files.readAttributes");
        OPERATIONS.put("filesGetLastModifiedTime", "java.nio.file.Files.readAttributes");
        OPERATIONS.put("filesReadAttributes", "java.nio.file.Files.readAttributes");
        OPERATIONS.put("filesGetAttribute", "java.nio.file.Files.readAttributes");
        OPERATIONS.put("filesList", "java.nio.file.Files.newDirectoryStream");
        OPERATIONS.put("filesNewDirectoryStream", "java.nio.file.Files.newDirectoryStream");
        OPERATIONS.put("filesCreateDirectory", "java.nio.file.Files.createDirectory");
        OPERATIONS.put("filesCreateFile", "java.nio.file.Files.createFile");
        OPERATIONS.put("filesDelete", "java.nio.file.Files.delete");
        OPERATIONS.put("filesDeleteIfExists", "java.nio.file.Files.delete");
        OPERATIONS.put("filesMove", "java.nio.file.Files.move");
        OPERATIONS.put("filesCopy", "java.nio.file.Files.copy");
        OPERATIONS.put("socketConnect", "java.net.Socket.connect");
        OPERATIONS.put("socketRead", "java.net.Socket$SocketInputStream.read");
        OPERATIONS.put("socketWrite", "java.net.Socket$SocketOutputStream.write");
        OPERATIONS.put("serverSocketAccept", "java.net.ServerSocket.accept");
        OPERATIONS.put("datagramSocketSend", "java.net.DatagramSocket.send");
        OPERATIONS.put("datagramSocketReceive", "java.net.DatagramSocket.receive");
        OPERATIONS.put("socketChannelConnect", "java.nio.channels.SocketChannel.connect");
        OPERATIONS.put("socketChannelRead", "java.nio.channels.SocketChannel.read");
        OPERATIONS.put("socketChannelAdaptorRead", "java.nio.channels.SocketChannel.read");
        OPERATIONS.put("socketChannelWrite", "java.nio.channels.SocketChannel.write");
        OPERATIONS.put("serverSocketChannelAccept", "java.nio.channels.ServerSocketChannel.accept");
        OPERATIONS.put("datagramChannelSend", "java.nio.channels.DatagramChannel.send");
        OPERATIONS.put("datagramChannelReceive", "java.nio.channels.DatagramChannel.receive");
        OPERATIONS.put("datagramChannelRead", "java.nio.channels.DatagramChannel.read");
        OPERATIONS.put("datagramChannelWrite", "java.nio.channels.DatagramChannel.write");
        OPERATIONS.put("inetAddressGetByName", "java.net.InetAddress.getAllByName");
        OPERATIONS.put("inetAddressGetAllByName", "java.net.InetAddress.getAllByName");
        OPERATIONS.put("inetAddressGetLocalHost", "java.net.InetAddress.getLocalHost");
        OPERATIONS.put("inetAddressReverseLookup", "java.net.InetAddress.getHostName");
        OPERATIONS.put("processStart", "java.lang.ProcessBuilder.start");
        OPERATIONS.put("processWaitFor", "java.lang.Process.waitFor");
        OPERATIONS.put("httpClientSend", "java.net.http.HttpClient.send");
        OPERATIONS.put("selectorSelect", "java.nio.channels.Selector.select");
        OPERATIONS.put("selectorSelectTimeout", "java.nio.channels.Selector.select");

        IN_STATIC_INITIALIZERS.put("SleepingInitializer", "java.lang.Thread.sleep");
        IN_STATIC_INITIALIZERS.put("SocketReadingInitializer", "java.net.Socket$SocketInputStream.read");

        SEVERAL_REPORTS.put("httpUrlConnectionGet", "java.net.Socket$SocketInputStream.read");
        SEVERAL_REPORTS.put("jdbcQuery", "java.net.Socket$SocketInputStream.read");
        SEVERAL_REPORTS.put("jedisCommand", "java.net.Socket$SocketInputStream.read");
        SEVERAL_REPORTS.put("filesWalk", "java.nio.file.Files.newDirectoryStream");
        SEVERAL_REPORTS.put("filesFind", "java.nio.file.Files.readAttributes");
        SEVERAL_REPORTS.put("filesCreateDirectories", "java.nio.file.Files.createDirectory");
    }

    /** Calls that need a terminal ({@code System.console()}), reported exactly once as this operation. */
    public static final Map<String, String> IN_A_TERMINAL = Map.of("consoleReadLine", "java.io.FileInputStream.read");

    /** Calls that do no blocking I/O worth reporting, by design or by decision: never reported. */
    public static final String[] NON_BLOCKING = {"nonBlockingSocketChannelRead", "inetAddressOfLiteral",
        "consoleWrite", "secureRandom", "classLoadingAndStaticInitializer", "resourceLookup", "pathOperations",
        "selectorSelectNow"};

    private static volatile URI httpServer;
    private static final byte[] CONTENT = "loopguard\n".getBytes(StandardCharsets.UTF_8);
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "io-helper");
        thread.setDaemon(true);
        return thread;
    });

    private IoBlockers() {
    }

    public static boolean has(String name) {
        return OPERATIONS.containsKey(name) || SEVERAL_REPORTS.containsKey(name)
                || IN_STATIC_INITIALIZERS.containsKey(name) || IN_A_TERMINAL.containsKey(name)
                || Stream.of(NON_BLOCKING).anyMatch(name::equals);
    }

    /** Runs the named call; returns normally or throws what the call threw. */
    public static void run(String name) throws Exception {
        switch (name) {
            case "fileInputStreamRead" -> fileInputStreamRead();
            case "fileInputStreamReadAllBytes" -> fileInputStreamReadAllBytes();
            case "systemInRead" -> systemInRead();
            case "consoleReadLine" -> consoleReadLine();
            case "fileOutputStreamWrite" -> fileOutputStreamWrite();
            case "randomAccessFileRead" -> randomAccessFileRead();
            case "randomAccessFileWrite" -> randomAccessFileWrite();
            case "fileChannelRead" -> fileChannelRead();
            case "fileChannelWrite" -> fileChannelWrite();
            case "fileChannelForce" -> fileChannelForce();
            case "fileChannelTransferTo" -> fileChannelTransferTo();
            case "fileChannelTransferFrom" -> fileChannelTransferFrom();
            case "fileChannelLock" -> fileChannelLock();
            case "filesReadAllBytes" -> filesReadAllBytes();
            case "filesReadString" -> filesReadString();
            case "filesReadAllLines" -> filesReadAllLines();
            case "filesWrite" -> filesWrite();
            case "filesWriteString" -> filesWriteString();
            case "filesNewInputStreamRead" -> filesNewInputStreamRead();
            case "filesNewBufferedReaderRead" -> filesNewBufferedReaderRead();
            case "fileExists" -> fileExists();
            case "fileIsFile" -> fileIsFile();
            case "fileIsDirectory" -> fileIsDirectory();
            case "fileLength" -> fileLength();
            case "fileLastModified" -> fileLastModified();
            case "fileList" -> fileList();
            case "fileListFiles" -> fileListFiles();
            case "fileCreateNewFile" -> fileCreateNewFile();
            case "fileMkdir" -> fileMkdir();
            case "fileMkdirs" -> fileMkdirs();
            case "fileDelete" -> fileDelete();
            case "fileRenameTo" -> fileRenameTo();
            case "filesExists" -> filesExists();
            case "filesIsDirectory" -> filesIsDirectory();
            case "filesSize" -> filesSize();
            case "filesGetLastModifiedTime" -> filesGetLastModifiedTime();
            case "filesReadAttributes" -> filesReadAttributes();
            case "filesGetAttribute" -> filesGetAttribute();
            case "filesList" -> filesList();
            case "filesNewDirectoryStream" -> filesNewDirectoryStream();
            case "filesWalk" -> filesWalk();
            case "filesFind" -> filesFind();
            case "filesCreateDirectory" -> filesCreateDirectory();
            case "filesCreateDirectories" -> filesCreateDirectories();
            case "filesCreateFile" -> filesCreateFile();
            case "filesDelete" -> filesDelete();
            case "filesDeleteIfExists" -> filesDeleteIfExists();
            case "filesMove" -> filesMove();
            case "filesCopy" -> filesCopy();
            case "socketConnect" -> socketConnect();
            case "socketRead" -> socketRead();
            case "socketWrite" -> socketWrite();
            case "serverSocketAccept" -> serverSocketAccept();
            case "datagramSocketSend" -> datagramSocketSend();
            case "datagramSocketReceive" -> datagramSocketReceive();
            case "socketChannelConnect" -> socketChannelConnect();
            case "socketChannelRead" -> socketChannelRead();
            case "socketChannelAdaptorRead" -> socketChannelAdaptorRead();
            case "socketChannelWrite" -> socketChannelWrite();
            case "serverSocketChannelAccept" -> serverSocketChannelAccept();
            case "datagramChannelSend" -> datagramChannelSend();
            case "datagramChannelReceive" -> datagramChannelReceive();
            case "datagramChannelRead" -> datagramChannelRead();
            case "datagramChannelWrite" -> datagramChannelWrite();
            case "inetAddressGetByName" -> inetAddressGetByName();
            case "inetAddressGetAllByName" -> inetAddressGetAllByName();
            case "inetAddressGetLocalHost" -> inetAddressGetLocalHost();
            case "inetAddressReverseLookup" -> inetAddressReverseLookup();
            case "processStart" -> processStart();
            case "processWaitFor" -> processWaitFor();
            case "httpClientSend" -> httpClientSend();
            case "httpUrlConnectionGet" -> httpUrlConnectionGet();
            case "jdbcQuery" -> jdbcQuery();
            case "jedisCommand" -> jedisCommand();
            case "nonBlockingSocketChannelRead" -> nonBlockingSocketChannelRead();
            case "inetAddressOfLiteral" -> inetAddressOfLiteral();
            case "consoleWrite" -> consoleWrite();
            case "selectorSelect" -> selectorSelect();
            case "selectorSelectTimeout" -> selectorSelectTimeout();
            case "selectorSelectNow" -> selectorSelectNow();
            case "SleepingInitializer" -> SleepingInitializer.use();
            case "SocketReadingInitializer" -> SocketReadingInitializer.use();
            case "resourceLookup" -> resourceLookup();
            case "pathOperations" -> pathOperations();
            case "secureRandom" -> secureRandom();
            case "classLoadingAndStaticInitializer" -> classLoadingAndStaticInitializer();
            default -> throw new IllegalArgumentException("no such I/O call: " + name);
        }
    }

    // Files

    static void fileInputStreamRead() throws Exception {
        try (FileInputStream in = prepared(() -> new FileInputStream(fileWithContent()))) {
            in.read();
        }
    }

    static void fileInputStreamReadAllBytes() throws Exception {
        try (FileInputStream in = prepared(() -> new FileInputStream(fileWithContent()))) {
            in.readAllBytes();
        }
    }

    static void systemInRead() throws Exception {
        System.in.read();
    }

    static void consoleReadLine() {
        System.console().readLine();
    }

    static void fileOutputStreamWrite() throws Exception {
        try (FileOutputStream out = prepared(() -> new FileOutputStream(fileWithContent()))) {
            out.write(CONTENT);
        }
    }

    static void randomAccessFileRead() throws Exception {
        try (RandomAccessFile file = prepared(() -> new RandomAccessFile(fileWithContent(), "r"))) {
            file.readInt();
        }
    }

    static void randomAccessFileWrite() throws Exception {
        try (RandomAccessFile file = prepared(() -> new RandomAccessFile(fileWithContent(), "rw"))) {
            file.writeInt(42);
        }
    }

    static void fileChannelRead() throws Exception {
        try (FileChannel channel = prepared(() -> FileChannel.open(fileWithContent().toPath()))) {
            channel.read(ByteBuffer.allocate(16));
        }
    }

    static void fileChannelWrite() throws Exception {
        try (FileChannel channel = prepared(() -> FileChannel.open(fileWithContent().toPath(), StandardOpenOption.WRITE))) {
            channel.write(ByteBuffer.wrap(CONTENT));
        }
    }

    static void fileChannelForce() throws Exception {
        try (FileChannel channel = prepared(() -> FileChannel.open(fileWithContent().toPath(), StandardOpenOption.WRITE))) {
            channel.force(true);
        }
    }

    static void fileChannelTransferTo() throws Exception {
        try (FileChannel from = prepared(() -> FileChannel.open(fileWithContent().toPath()));
             FileChannel to = prepared(() -> FileChannel.open(fileWithContent().toPath(), StandardOpenOption.WRITE))) {
            from.transferTo(0, CONTENT.length, to);
        }
    }

    static void fileChannelTransferFrom() throws Exception {
        try (FileChannel from = prepared(() -> FileChannel.open(fileWithContent().toPath()));
             FileChannel to = prepared(() -> FileChannel.open(fileWithContent().toPath(), StandardOpenOption.WRITE))) {
            to.transferFrom(from, 0, CONTENT.length);
        }
    }

    static void fileChannelLock() throws Exception {
        try (FileChannel channel = prepared(() -> FileChannel.open(fileWithContent().toPath(), StandardOpenOption.WRITE))) {
            channel.lock().release();
        }
    }

    static void filesReadAllBytes() throws Exception {
        Path file = prepared(() -> fileWithContent().toPath());
        Files.readAllBytes(file);
    }

    static void filesReadString() throws Exception {
        Path file = prepared(() -> fileWithContent().toPath());
        Files.readString(file);
    }

    static void filesReadAllLines() throws Exception {
        Path file = prepared(() -> fileWithContent().toPath());
        Files.readAllLines(file);
    }

    static void filesWrite() throws Exception {
        Path file = prepared(() -> fileWithContent().toPath());
        Files.write(file, CONTENT);
    }

    static void filesWriteString() throws Exception {
        Path file = prepared(() -> fileWithContent().toPath());
        Files.writeString(file, "loopguard");
    }

    static void filesNewInputStreamRead() throws Exception {
        try (InputStream in = prepared(() -> Files.newInputStream(fileWithContent().toPath()))) {
            in.read();
        }
    }

    static void filesNewBufferedReaderRead() throws Exception {
        try (BufferedReader in = prepared(() -> Files.newBufferedReader(fileWithContent().toPath()))) {
            in.readLine();
        }
    }

    // Sockets

    static void socketConnect() throws Exception {
        ServerSocket server = prepared(IoBlockers::listening);
        try (Socket socket = new Socket()) {
            socket.connect(server.getLocalSocketAddress());
        } finally {
            server.close();
        }
    }

    static void socketRead() throws Exception {
        try (Socket socket = prepared(IoBlockers::connectedToAWritingPeer)) {
            socket.getInputStream().read();
        }
    }

    static void socketWrite() throws Exception {
        try (Socket socket = prepared(IoBlockers::connectedToAWritingPeer)) {
            socket.getOutputStream().write(CONTENT);
        }
    }

    static void serverSocketAccept() throws Exception {
        try (ServerSocket server = prepared(IoBlockers::listening)) {
            later(() -> new Socket(server.getInetAddress(), server.getLocalPort()));
            server.accept().close();
        }
    }

    static void datagramSocketSend() throws Exception {
        try (DatagramSocket socket = prepared(() -> new DatagramSocket(0, InetAddress.getLoopbackAddress()))) {
            socket.send(new DatagramPacket(CONTENT, CONTENT.length, socket.getLocalSocketAddress()));
        }
    }

    static void datagramSocketReceive() throws Exception {
        try (DatagramSocket socket = prepared(() -> new DatagramSocket(0, InetAddress.getLoopbackAddress()))) {
            later(() -> datagramTo(socket.getLocalSocketAddress()));
            socket.receive(new DatagramPacket(new byte[64], 64));
        }
    }

    static void socketChannelConnect() throws Exception {
        try (ServerSocketChannel server = prepared(IoBlockers::listeningChannel);
             SocketChannel channel = SocketChannel.open()) {
            channel.connect(server.getLocalAddress());
        }
    }

    static void socketChannelRead() throws Exception {
        try (SocketChannel channel = prepared(IoBlockers::channelToAWritingPeer)) {
            channel.read(ByteBuffer.allocate(16));
        }
    }

    static void socketChannelAdaptorRead() throws Exception {
        try (SocketChannel channel = prepared(IoBlockers::channelToAWritingPeer)) {
            channel.socket().getInputStream().read();
        }
    }

    static void socketChannelWrite() throws Exception {
        try (SocketChannel channel = prepared(IoBlockers::channelToAWritingPeer)) {
            channel.write(ByteBuffer.wrap(CONTENT));
        }
    }

    static void serverSocketChannelAccept() throws Exception {
        try (ServerSocketChannel server = prepared(IoBlockers::listeningChannel)) {
            later(() -> SocketChannel.open(server.getLocalAddress()));
            server.accept().close();
        }
    }

    static void datagramChannelSend() throws Exception {
        try (DatagramChannel channel = prepared(IoBlockers::boundDatagramChannel)) {
            channel.send(ByteBuffer.wrap(CONTENT), channel.getLocalAddress());
        }
    }

    static void datagramChannelReceive() throws Exception {
        try (DatagramChannel channel = prepared(IoBlockers::boundDatagramChannel)) {
            later(() -> datagramTo(channel.getLocalAddress()));
            channel.receive(ByteBuffer.allocate(64));
        }
    }

    static void datagramChannelRead() throws Exception {
        try (DatagramChannel channel = prepared(() -> {
            DatagramChannel bound = boundDatagramChannel();
            return bound.connect(bound.getLocalAddress());
        })) {
            // Connected to itself: only its own datagrams are let in.
            later(() -> channel.write(ByteBuffer.wrap(CONTENT)));
            channel.read(ByteBuffer.allocate(64));
        }
    }

    static void datagramChannelWrite() throws Exception {
        try (DatagramChannel channel = prepared(() -> {
            DatagramChannel bound = boundDatagramChannel();
            return bound.connect(bound.getLocalAddress());
        })) {
            channel.write(ByteBuffer.wrap(CONTENT));
        }
    }

    static void nonBlockingSocketChannelRead() throws Exception {
        try (SocketChannel channel = prepared(() -> {
            ServerSocketChannel server = listeningChannel();
            SocketChannel connected = SocketChannel.open(server.getLocalAddress());
            connected.configureBlocking(false);
            return connected;
        })) {
            channel.read(ByteBuffer.allocate(16)); // nothing there yet: returns 0 at once
            channel.write(ByteBuffer.wrap(CONTENT));
        }
    }

    // Name resolution: names the machine resolves itself (/etc/hosts), never the network.

    static void inetAddressGetByName() throws Exception {
        InetAddress.getByName("localhost");
    }

    static void inetAddressGetAllByName() throws Exception {
        InetAddress.getAllByName("localhost");
    }

    static void inetAddressGetLocalHost() throws Exception {
        InetAddress.getLocalHost();
    }

    static void inetAddressReverseLookup() throws Exception {
        InetAddress.getByAddress(new byte[] {127, 0, 0, 1}).getCanonicalHostName();
    }

    static void inetAddressOfLiteral() throws Exception {
        InetAddress.getByName("127.0.0.1");
        InetAddress.getAllByName("::1");
    }

    // Processes

    static void processStart() throws Exception {
        Process process = new ProcessBuilder("true").start();
        later(process::waitFor);
    }

    static void processWaitFor() throws Exception {
        prepared(() -> new ProcessBuilder("sleep", "0.02").start()).waitFor();
    }

    // Clients, end to end

    static void httpClientSend() throws Exception {
        HttpClient client = prepared(HttpClient::newHttpClient);
        client.send(HttpRequest.newBuilder(localHttpServer()).build(), HttpResponse.BodyHandlers.ofString());
    }

    static void httpUrlConnectionGet() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) localHttpServer().toURL().openConnection();
        try (InputStream body = connection.getInputStream()) {
            body.readAllBytes();
        }
    }

    static void jdbcQuery() throws Exception {
        try (Connection connection = prepared(() -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""));
             Statement statement = prepared(connection::createStatement);
             ResultSet result = statement.executeQuery("select 1")) {
            result.next();
        }
    }

    static void jedisCommand() throws Exception {
        try (Jedis jedis = prepared(() -> {
            Jedis connected = new Jedis("127.0.0.1", 6379);
            connected.ping();
            return connected;
        })) {
            jedis.set("loopguard:test", "value");
        }
    }

    // File-system metadata

    static void fileExists() throws Exception {
        prepared(IoBlockers::fileWithContent).exists();
    }

    static void fileIsFile() throws Exception {
        prepared(IoBlockers::fileWithContent).isFile();
    }

    static void fileIsDirectory() throws Exception {
        prepared(IoBlockers::fileWithContent).isDirectory();
    }

    static void fileLength() throws Exception {
        prepared(IoBlockers::fileWithContent).length();
    }

    static void fileLastModified() throws Exception {
        prepared(IoBlockers::fileWithContent).lastModified();
    }

    static void fileList() throws Exception {
        prepared(IoBlockers::folderWithFiles).list();
    }

    static void fileListFiles() throws Exception {
        prepared(IoBlockers::folderWithFiles).listFiles();
    }

    static void fileCreateNewFile() throws Exception {
        new File(prepared(IoBlockers::emptyFolder), "new").createNewFile();
    }

    static void fileMkdir() throws Exception {
        new File(prepared(IoBlockers::emptyFolder), "new").mkdir();
    }

    static void fileMkdirs() throws Exception {
        new File(prepared(IoBlockers::emptyFolder), "new/deeper").mkdirs();
    }

    static void fileDelete() throws Exception {
        prepared(IoBlockers::fileWithContent).delete();
    }

    static void filesExists() throws Exception {
        Files.exists(prepared(IoBlockers::pathWithContent));
    }

    static void filesIsDirectory() throws Exception {
        Files.isDirectory(prepared(IoBlockers::pathWithContent));
    }

    static void filesSize() throws Exception {
        Files.size(prepared(IoBlockers::pathWithContent));
    }

    static void filesGetLastModifiedTime() throws Exception {
        Files.getLastModifiedTime(prepared(IoBlockers::pathWithContent));
    }

    static void filesReadAttributes() throws Exception {
        Files.readAttributes(prepared(IoBlockers::pathWithContent), BasicFileAttributes.class);
    }

    static void filesGetAttribute() throws Exception {
        Files.getAttribute(prepared(IoBlockers::pathWithContent), "size");
    }

    static void filesCreateDirectory() throws Exception {
        Files.createDirectory(prepared(IoBlockers::emptyFolder).toPath().resolve("new"));
    }

    static void filesCreateDirectories() throws Exception {
        Files.createDirectories(prepared(IoBlockers::emptyFolder).toPath().resolve("new/deeper"));
    }

    static void filesCreateFile() throws Exception {
        Files.createFile(prepared(IoBlockers::emptyFolder).toPath().resolve("new"));
    }

    static void filesDelete() throws Exception {
        Files.delete(prepared(IoBlockers::pathWithContent));
    }

    static void filesDeleteIfExists() throws Exception {
        Files.deleteIfExists(prepared(IoBlockers::pathWithContent));
    }

    static void fileRenameTo() throws Exception {
        File file = prepared(IoBlockers::fileWithContent);
        file.renameTo(new File(file.getPath() + ".renamed"));
    }

    static void filesList() throws Exception {
        try (Stream<Path> listed = Files.list(prepared(IoBlockers::folderWithFiles).toPath())) {
            listed.count();
        }
    }

    static void filesNewDirectoryStream() throws Exception {
        try (DirectoryStream<Path> listed = Files.newDirectoryStream(prepared(IoBlockers::folderWithFiles).toPath())) {
            listed.forEach(Path::getFileName);
        }
    }

    static void filesWalk() throws Exception {
        try (Stream<Path> walked = Files.walk(prepared(IoBlockers::folderWithFiles).toPath())) {
            walked.count();
        }
    }

    static void filesFind() throws Exception {
        Path folder = prepared(IoBlockers::folderWithFiles).toPath();
        try (Stream<Path> found = Files.find(folder, 2, (path, attributes) -> attributes.isRegularFile())) {
            found.count();
        }
    }

    static void filesMove() throws Exception {
        Path file = prepared(IoBlockers::pathWithContent);
        Files.move(file, file.resolveSibling(file.getFileName() + ".moved"));
    }

    static void filesCopy() throws Exception {
        Path file = prepared(IoBlockers::pathWithContent);
        Files.copy(file, file.resolveSibling(file.getFileName() + ".copy"));
    }

    // A selector of the application's own, inside an event loop's task

    static void selectorSelect() throws Exception {
        try (Selector selector = prepared(Selector::open)) {
            later(selector::wakeup);
            selector.select();
        }
    }

    static void selectorSelectTimeout() throws Exception {
        try (Selector selector = prepared(Selector::open)) {
            selector.select(20);
        }
    }

    static void selectorSelectNow() throws Exception {
        try (Selector selector = prepared(Selector::open)) {
            selector.selectNow();
        }
    }

    // Static initialisers that block, first used here

    static final class SleepingInitializer {
        static {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void use() {
        }
    }

    static final class SocketReadingInitializer {
        static {
            try (Socket socket = prepared(IoBlockers::connectedToAWritingPeer)) {
                socket.getInputStream().read();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static void use() {
        }
    }

    // Decided not to report (see docs/catalogue.md)

    static void consoleWrite() {
        System.out.println("a console appender writes this");
        System.err.println("and this");
    }

    static void resourceLookup() throws Exception {
        // Looking up a class-path resource checks each class-path folder: accepted, as class loading is.
        try (InputStream in = IoBlockers.class.getClassLoader().getResourceAsStream("no/such/resource.properties")) {
            if (in != null) {
                throw new IllegalStateException("no such resource was expected");
            }
        }
        IoBlockers.class.getResource("IoBlockers.class");
    }

    static void pathOperations() {
        // Paths and files as names: nothing asks the file system.
        Path path = Path.of("/tmp", "loopguard", "..", "name.txt").normalize();
        path.resolveSibling("other").getFileName();
        new File(path.toString()).getName();
    }

    static void secureRandom() throws Exception {
        new SecureRandom().nextBytes(new byte[32]);
        new SecureRandom().generateSeed(16);
        SecureRandom.getInstance("DRBG").nextBytes(new byte[32]);
    }

    static void classLoadingAndStaticInitializer() throws Exception {
        // A class first used here: loaded from a jar and initialised, and one whose static initialiser reads a file.
        Class.forName("redis.clients.jedis.JedisPubSub");
        StaticallyConfigured.value();
    }

    // Helpers, run on a helper thread

    /** Runs {@code setup} on a helper thread and spins until it is done, so this thread blocks in nothing probed. */
    private static <T> T prepared(Callable<T> setup) {
        CompletableFuture<T> result = CompletableFuture.supplyAsync(() -> {
            try {
                return setup.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, HELPERS);
        while (!result.isDone()) {
            Thread.onSpinWait();
        }
        return result.join();
    }

    /** Runs {@code action} on a helper thread after a short delay, for a peer this thread waits for. */
    private static void later(Callable<?> action) {
        HELPERS.execute(() -> {
            LockSupport.parkNanos(20_000_000L);
            try {
                action.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static File fileWithContent() throws Exception {
        File file = File.createTempFile("loopguard-io", ".txt");
        file.deleteOnExit();
        Files.write(file.toPath(), CONTENT);
        return file;
    }

    private static Path pathWithContent() throws Exception {
        return fileWithContent().toPath();
    }

    /** A new folder, deleted at exit with what the call made in it. */
    private static File emptyFolder() throws Exception {
        Path folder = Files.createTempDirectory("loopguard-io");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(folder)));
        return folder.toFile();
    }

    private static File folderWithFiles() throws Exception {
        File folder = emptyFolder();
        Files.write(folder.toPath().resolve("a.txt"), CONTENT);
        Files.createDirectory(folder.toPath().resolve("sub"));
        Files.write(folder.toPath().resolve("sub").resolve("b.txt"), CONTENT);
        return folder;
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walked = Files.walk(folder)) {
            walked.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (Exception ignored) {
            // a temporary folder left behind
        }
    }

    private static ServerSocket listening() throws Exception {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    private static Socket connectedToAWritingPeer() throws Exception {
        ServerSocket server = listening();
        Socket socket = new Socket(server.getInetAddress(), server.getLocalPort());
        Socket peer = server.accept();
        peer.getOutputStream().write(CONTENT);
        server.close();
        return socket;
    }

    private static ServerSocketChannel listeningChannel() throws Exception {
        return ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private static SocketChannel channelToAWritingPeer() throws Exception {
        ServerSocketChannel server = listeningChannel();
        SocketChannel channel = SocketChannel.open(server.getLocalAddress());
        server.accept().write(ByteBuffer.wrap(CONTENT));
        server.close();
        return channel;
    }

    private static DatagramChannel boundDatagramChannel() throws Exception {
        return DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private static Void datagramTo(java.net.SocketAddress address) throws Exception {
        try (DatagramSocket sender = new DatagramSocket()) {
            sender.send(new DatagramPacket(CONTENT, CONTENT.length, address));
        }
        return null;
    }

    /**
     * A loopback HTTP server answering every request, started on first use; not in a static initialiser,
     * as the helper thread that starts it would wait for that initialiser to finish.
     */
    private static URI localHttpServer() {
        URI uri = httpServer;
        if (uri == null) {
            uri = prepared(() -> {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.createContext("/", exchange -> {
                    exchange.sendResponseHeaders(200, CONTENT.length);
                    exchange.getResponseBody().write(CONTENT);
                    exchange.close();
                });
                server.setExecutor(HELPERS);
                server.start();
                return new URI("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            });
            httpServer = uri;
        }
        return uri;
    }
}
