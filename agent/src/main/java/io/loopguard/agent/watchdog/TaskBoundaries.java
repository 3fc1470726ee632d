package io.loopguard.agent.watchdog;

import io.loopguard.agent.threads.MethodRef;
import java.util.List;

/**
 * Where an event loop's units of work begin and end, found by name so no compile dependency on Netty is
 * needed. Waiting for I/O (select, epoll_wait) is not in any of them: an idle loop is never stuck.
 */
public final class TaskBoundaries {

    /**
     * Methods that run for an event loop's whole life, on an object that is its {@code Executor}. Unlike
     * {@link io.loopguard.agent.threads.EventLoopEntryPoints}, no {@code ManualIoEventLoop}: the application
     * calls its run methods once per iteration, from its own thread.
     */
    public static final List<MethodRef> LOOP_RUNS = List.of(
            new MethodRef("io.netty.channel.SingleThreadIoEventLoop", "run"), // Netty 4.2, every transport
            new MethodRef("io.netty.channel.nio.NioEventLoop", "run"), // Netty 4.1
            new MethodRef("io.netty.channel.epoll.EpollEventLoop", "run"),
            new MethodRef("io.netty.channel.kqueue.KQueueEventLoop", "run"),
            new MethodRef("io.netty.incubator.channel.uring.IOUringEventLoop", "run"));

    /** Methods one call of which is one unit of a loop's work: a task, or handling the I/O that is ready. */
    public static final List<MethodRef> TASKS = List.of(
            // Every task and scheduled task, Netty 4.1 and 4.2 (4.2's safeExecute calls runTask).
            new MethodRef("io.netty.util.concurrent.AbstractEventExecutor", "safeExecute"),
            new MethodRef("io.netty.util.concurrent.AbstractEventExecutor", "runTask"),
            // Netty 4.2: handling ready I/O, after the wait for it.
            new MethodRef("io.netty.channel.nio.NioIoHandler", "processSelectedKeys"),
            new MethodRef("io.netty.channel.epoll.EpollIoHandler", "processReady"),
            new MethodRef("io.netty.channel.kqueue.KQueueIoHandler", "processReady"),
            new MethodRef("io.netty.channel.uring.IoUringIoHandler", "handle"),
            // Netty 4.1.
            new MethodRef("io.netty.channel.nio.NioEventLoop", "processSelectedKeys"),
            new MethodRef("io.netty.channel.epoll.EpollEventLoop", "processReady"),
            new MethodRef("io.netty.channel.kqueue.KQueueEventLoop", "processReady"),
            new MethodRef("io.netty.incubator.channel.uring.IOUringEventLoop", "handle"));

    private TaskBoundaries() {
    }
}
