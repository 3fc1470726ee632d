package io.loopguard.agent.threads;

import java.util.List;

/**
 * The run loops of thread families that must never block. A thread is designated while it is inside
 * one of these methods, so recognising a framework needs no compile dependency on it, and a thread
 * that leaves the loop is free again.
 */
public final class EventLoopEntryPoints {

    public static final List<MethodRef> METHODS = List.of(
            // Netty 4.2: one run loop for every transport (NIO, epoll, io_uring, kqueue).
            new MethodRef("io.netty.channel.SingleThreadIoEventLoop", "run"),
            // Netty 4.2: a loop driven by a thread the application owns, while it runs I/O.
            new MethodRef("io.netty.channel.ManualIoEventLoop", "run"),
            new MethodRef("io.netty.channel.ManualIoEventLoop", "runNow"),
            // Netty 4.1: one event-loop class per transport.
            new MethodRef("io.netty.channel.nio.NioEventLoop", "run"),
            new MethodRef("io.netty.channel.epoll.EpollEventLoop", "run"),
            new MethodRef("io.netty.channel.kqueue.KQueueEventLoop", "run"),
            new MethodRef("io.netty.incubator.channel.uring.IOUringEventLoop", "run"),
            // loopguard-api: a block the application runs as designated, and Loopguard.designating(factory)'s threads.
            new MethodRef("io.loopguard.api.Loopguard", "runDesignated"));

    /** Methods after which the calling thread must never block again, for the rest of its life. */
    public static final List<MethodRef> DESIGNATING_FOREVER = List.of(
            new MethodRef("io.loopguard.api.Loopguard", "designateCurrentThread"));

    private EventLoopEntryPoints() {
    }
}
