package io.loopguard.agent.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Each kind of blocking operation, with the one-line advice a report gives for it. */
public enum Remedy {
    SLEEP("sleeping here stalls every connection this thread serves: schedule the rest of the work"
            + " with eventLoop.schedule(...) or a timer instead"),
    WAIT_FOR_OTHER_THREAD("waiting for another thread here stalls this thread: chain a callback"
            + " (thenAccept, addListener, subscribe) instead of waiting, or move the wait to a worker pool"),
    CONTENDED_LOCK("a contended lock makes this thread wait for another one: keep critical sections tiny,"
            + " use a non-blocking structure, or move this work to a worker pool"),
    FILE_IO("file I/O waits for the disk: read or write on a worker pool (a DefaultEventExecutorGroup,"
            + " an ExecutorService) and hand the result back to the event loop"),
    FILE_METADATA("asking the file system (exists, size, a listing, creating, moving or deleting) waits for"
            + " the disk, seconds on a network file system: do it on a worker pool, or once at start-up and keep"
            + " the answer (or, where files are on a local disk, accept these calls with accept=file-metadata)"),
    NETWORK_IO("a blocking socket waits for the network: use a non-blocking client (a Netty channel, an"
            + " async driver) or make this call on a worker pool"),
    NAME_RESOLUTION("a DNS lookup can take seconds: resolve asynchronously (Netty's DnsAddressResolverGroup),"
            + " resolve once and keep the InetAddress, or look up on a worker pool"),
    PROCESS("starting a process and waiting for it block: do it on a worker pool, and use"
            + " process.onExit() instead of waitFor()"),
    SELECT("Selector.select waits for I/O and holds the event loop until some arrives: register the channel"
            + " with the event loop instead, or use selectNow(), which never waits"),
    HTTP_REQUEST("a synchronous HTTP request waits for the whole response: use HttpClient.sendAsync and"
            + " continue in the callback, or make the request on a worker pool");

    private final String hint;

    Remedy(String hint) {
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }

    /** The kind of operation this is, as the {@code accept} option names it: {@code file-metadata}. */
    public String kind() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The remedy of the operations of {@code kind}; throws {@link IllegalArgumentException} with a readable reason. */
    public static Remedy ofKind(String kind) {
        return Arrays.stream(values()).filter(remedy -> remedy.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + kind + "' is not a kind of operation (one of "
                        + Arrays.stream(values()).map(Remedy::kind).collect(Collectors.joining(", ")) + ")"));
    }

    /**
     * Whether a static initialiser may do it unreported: file access there is a class reading its resources
     * (a properties file, its jar) once; its sleeping, waiting, network and processes are reported.
     */
    public boolean acceptedInStaticInitializer() {
        return this == FILE_IO || this == FILE_METADATA;
    }
}
