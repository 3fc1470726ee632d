package io.loopguard.agent.catalog;

import static io.loopguard.agent.catalog.BlockingOperation.ANY_PARAMETERS;

import java.util.ArrayList;
import java.util.List;

/**
 * The JDK methods application code calls that end in a catalogued operation, for a reader of bytecode that
 * sees the call but not the JDK's code behind it (the build-time scan). Each names the operation it reaches.
 */
public final class PublicEntrances {
    private static final String AWAIT = "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await";
    private static final String ACQUIRE = "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire";
    private static final String SOCKET_READ = "java.net.Socket$SocketInputStream.read";

    /** Entrances that are neither a catalogued method nor the public name of one. */
    static final List<Entrance> INTO_THE_JDK = List.of(
            new Entrance("java.util.concurrent.Future", "get", ANY_PARAMETERS, "java.util.concurrent.FutureTask.awaitDone"),
            new Entrance("java.util.concurrent.CompletableFuture", "join", 0, "java.util.concurrent.CompletableFuture.waitingGet"),
            new Entrance("java.util.concurrent.CompletableFuture", "get", 0, "java.util.concurrent.CompletableFuture.waitingGet"),
            new Entrance("java.util.concurrent.CompletableFuture", "get", 2, "java.util.concurrent.CompletableFuture.timedGet"),
            new Entrance("java.util.concurrent.locks.Condition", "await", ANY_PARAMETERS, AWAIT),
            new Entrance("java.util.concurrent.locks.Condition", "awaitNanos", 1, AWAIT + "Nanos"),
            new Entrance("java.util.concurrent.locks.Condition", "awaitUntil", 1, AWAIT + "Until"),
            new Entrance("java.util.concurrent.locks.Condition", "awaitUninterruptibly", 0, AWAIT + "Uninterruptibly"),
            // a queue's waiting methods: take and put, and poll and offer with a timeout
            new Entrance("java.util.concurrent.BlockingQueue", "take", 0, AWAIT),
            new Entrance("java.util.concurrent.BlockingQueue", "put", 1, AWAIT),
            new Entrance("java.util.concurrent.BlockingQueue", "poll", 2, AWAIT + "Nanos"),
            new Entrance("java.util.concurrent.BlockingQueue", "offer", 3, AWAIT + "Nanos"),
            // synchronizers that wait until another thread releases them
            new Entrance("java.util.concurrent.CountDownLatch", "await", ANY_PARAMETERS, ACQUIRE),
            new Entrance("java.util.concurrent.CyclicBarrier", "await", ANY_PARAMETERS, AWAIT),
            new Entrance("java.util.concurrent.Semaphore", "acquire", ANY_PARAMETERS, ACQUIRE),
            new Entrance("java.util.concurrent.Semaphore", "acquireUninterruptibly", ANY_PARAMETERS, ACQUIRE),
            new Entrance("java.util.concurrent.ExecutorService", "awaitTermination", 2, AWAIT + "Nanos"),
            new Entrance("java.util.concurrent.ExecutorService", "invokeAll", ANY_PARAMETERS,
                    "java.util.concurrent.FutureTask.awaitDone"),
            new Entrance("java.util.concurrent.ExecutorService", "invokeAny", ANY_PARAMETERS,
                    "java.util.concurrent.FutureTask.awaitDone"),
            new Entrance("java.net.InetAddress", "getByName", 1, "java.net.InetAddress.getAllByName"),
            new Entrance("java.lang.Runtime", "exec", ANY_PARAMETERS, "java.lang.ProcessBuilder.start"),
            // JDBC has no non-blocking form: each statement is a round trip on the driver's socket
            new Entrance("java.sql.Statement", "execute", ANY_PARAMETERS, SOCKET_READ),
            new Entrance("java.sql.Statement", "executeQuery", ANY_PARAMETERS, SOCKET_READ),
            new Entrance("java.sql.Statement", "executeUpdate", ANY_PARAMETERS, SOCKET_READ),
            new Entrance("java.sql.Statement", "executeLargeUpdate", ANY_PARAMETERS, SOCKET_READ),
            new Entrance("java.sql.Statement", "executeBatch", 0, SOCKET_READ),
            new Entrance("java.sql.Statement", "executeLargeBatch", 0, SOCKET_READ),
            // a new connection, or waiting for a pool's free one
            new Entrance("java.sql.DriverManager", "getConnection", ANY_PARAMETERS, "java.net.Socket.connect"),
            new Entrance("javax.sql.DataSource", "getConnection", ANY_PARAMETERS, "java.net.Socket.connect"));

    private PublicEntrances() {
    }

    /**
     * Every entrance: the methods of each catalogued operation, its public name ({@code java.net.http.HttpClient.send}
     * for the internal {@code HttpClientImpl.send}), and {@link #INTO_THE_JDK}. Operations that block only on a
     * channel in blocking mode are left out: a reader of bytecode cannot tell the mode, and Netty's channels never
     * block.
     */
    public static List<Entrance> all() {
        List<Entrance> all = new ArrayList<>();
        for (BlockingOperation operation : Catalog.OPERATIONS) {
            if (operation.condition() == BlocksWhen.CHANNEL_IN_BLOCKING_MODE) {
                continue;
            }
            for (String method : operation.methodNames()) {
                all.add(new Entrance(operation.className(), method, operation.parameterCount(), operation.name()));
            }
            int dot = operation.name().lastIndexOf('.');
            String publicClass = operation.name().substring(0, dot);
            if (!publicClass.equals(operation.className())) {
                all.add(new Entrance(publicClass, operation.name().substring(dot + 1), ANY_PARAMETERS, operation.name()));
            }
        }
        all.addAll(INTO_THE_JDK);
        return List.copyOf(all);
    }

    /** The catalogued operation named {@code name}. */
    public static BlockingOperation operation(String name) {
        for (BlockingOperation operation : Catalog.OPERATIONS) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("no catalogued operation is named " + name);
    }

    /**
     * Calls of {@code methodName} with {@code parameterCount} parameters ({@link BlockingOperation#ANY_PARAMETERS}:
     * any) on {@code className} or a subtype end in the catalogued {@code operation}.
     */
    public record Entrance(String className, String methodName, int parameterCount, String operation) {
    }
}
