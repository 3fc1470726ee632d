package io.loopguard.agent.catalog;

/** The one-line advice a report gives for each kind of blocking operation. */
public enum Remedy {
    SLEEP("sleeping here stalls every connection this thread serves: schedule the rest of the work"
            + " with eventLoop.schedule(...) or a timer instead"),
    WAIT_FOR_OTHER_THREAD("waiting for another thread here stalls this thread: chain a callback"
            + " (thenAccept, addListener, subscribe) instead of waiting, or move the wait to a worker pool"),
    CONTENDED_LOCK("a contended lock makes this thread wait for another one: keep critical sections tiny,"
            + " use a non-blocking structure, or move this work to a worker pool"),
    FILE_IO("file I/O waits for the disk: read or write on a worker pool (a DefaultEventExecutorGroup,"
            + " an ExecutorService) and hand the result back to the event loop"),
    NETWORK_IO("a blocking socket waits for the network: use a non-blocking client (a Netty channel, an"
            + " async driver) or make this call on a worker pool"),
    NAME_RESOLUTION("a DNS lookup can take seconds: resolve asynchronously (Netty's DnsAddressResolverGroup),"
            + " resolve once and keep the InetAddress, or look up on a worker pool"),
    PROCESS("starting a process and waiting for it block: do it on a worker pool, and use"
            + " process.onExit() instead of waitFor()"),
    HTTP_REQUEST("a synchronous HTTP request waits for the whole response: use HttpClient.sendAsync and"
            + " continue in the callback, or make the request on a worker pool");

    private final String hint;

    Remedy(String hint) {
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
