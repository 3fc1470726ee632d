package io.loopguard.agent.frameworks;

import io.loopguard.api.spi.Framework;
import io.loopguard.api.spi.LoopguardIntegration;

/**
 * Netty 4.1 and 4.2: its I/O event loops (every transport) must never block; its executors for blocking work
 * ({@code DefaultEventExecutorGroup}, {@code GlobalEventExecutor}) and Vert.x's workers may. The same holds for
 * each copy of Netty relocated into another library ({@code io.grpc.netty.shaded.io.netty}): every name below
 * is recognised under any prefix.
 */
public final class Netty implements LoopguardIntegration {
    private static final String SELECTING = "an event loop waits in Selector.select for I/O between its tasks, by design";

    @Override
    public void describe(Framework netty) {
        netty
                // Netty 4.2: one run loop for every transport (NIO, epoll, io_uring, kqueue).
                .eventLoop("io.netty.channel.SingleThreadIoEventLoop#run")
                // Netty 4.1: one event-loop class per transport.
                .eventLoop("io.netty.channel.nio.NioEventLoop#run")
                .eventLoop("io.netty.channel.epoll.EpollEventLoop#run")
                .eventLoop("io.netty.channel.kqueue.KQueueEventLoop#run")
                .eventLoop("io.netty.incubator.channel.uring.IOUringEventLoop#run")
                // On a loop's own thread, its executor: for a loop already running when the agent is attached.
                .currentLoop("io.netty.util.internal.ThreadExecutorMap#currentExecutor")
                // Netty 4.2: a loop driven by a thread the application owns, while it runs I/O. Not an event
                // loop for the watchdog: the application calls these once per iteration, from its own thread.
                .nonBlockingWhile("io.netty.channel.ManualIoEventLoop#run")
                .nonBlockingWhile("io.netty.channel.ManualIoEventLoop#runNow")
                // Threads made for blocking work say so, even while they run a loop (Vert.x's workers answer true).
                .blockingPermittedBy("io.netty.util.concurrent.FastThreadLocalThread#permitBlockingCalls")

                // Every task and scheduled task, 4.1 and 4.2 (4.2's safeExecute calls runTask).
                .task("io.netty.util.concurrent.AbstractEventExecutor#safeExecute")
                .task("io.netty.util.concurrent.AbstractEventExecutor#runTask")
                // Netty 4.2: handling ready I/O, after the wait for it.
                .task("io.netty.channel.nio.NioIoHandler#processSelectedKeys")
                .task("io.netty.channel.epoll.EpollIoHandler#processReady")
                .task("io.netty.channel.kqueue.KQueueIoHandler#processReady")
                .task("io.netty.channel.uring.IoUringIoHandler#handle")
                // Netty 4.1.
                .task("io.netty.channel.nio.NioEventLoop#processSelectedKeys")
                .task("io.netty.channel.epoll.EpollEventLoop#processReady")
                .task("io.netty.channel.kqueue.KQueueEventLoop#processReady")
                .task("io.netty.incubator.channel.uring.IOUringEventLoop#handle")

                .allowBlockingIn("io.netty.util.concurrent.SingleThreadEventExecutor#confirmShutdown",
                        "graceful shutdown polls the task queue every 100 ms with Thread.sleep on the loop")
                // The loop's own wait for I/O, also where the application drives it (ManualIoEventLoop).
                .allowBlockingIn("io.netty.channel.nio.NioIoHandler#select", SELECTING)
                .allowBlockingIn("io.netty.channel.nio.NioEventLoop#select", SELECTING)
                .allowBlockingIn("io.netty.util.HashedWheelTimer#start",
                        "a timer's first newTimeout waits for its worker thread to start, once per timer")

                // On an event loop these wait for another loop, or, for a future of the loop's own, throw
                // BlockingOperationException. Probed in every Netty future that implements them (DefaultPromise, ...).
                // Not get(): Netty's own listeners call it on the loop for futures already done; a get() that
                // waits is reported as the wait inside it.
                .blockingMethod("io.netty.util.concurrent.Future#sync", "addListener")
                .blockingMethod("io.netty.util.concurrent.Future#syncUninterruptibly", "addListener")
                .blockingMethod("io.netty.util.concurrent.Future#await", "addListener")
                .blockingMethod("io.netty.util.concurrent.Future#awaitUninterruptibly", "addListener")

                // Handlers' callbacks run on their channel's event loop; so do a future's listeners.
                .runsOnEventLoop("io.netty.channel.ChannelHandler#handlerAdded")
                .runsOnEventLoop("io.netty.channel.ChannelHandler#handlerRemoved")
                .runsOnEventLoop("io.netty.channel.ChannelInboundHandler#channelRegistered")
                .runsOnEventLoop("io.netty.channel.ChannelInboundHandler#channelUnregistered")
                .runsOnEventLoop("io.netty.channel.ChannelInboundHandler#channelWritabilityChanged")
                .runsOnEventLoop("io.netty.channel.ChannelInboundHandler#channelActive")
                .runsOnEventLoop("io.netty.channel.ChannelInboundHandler#channelRead")
                .runsOnEventLoop("io.netty.channel.ChannelInboundHandler#channelReadComplete")
                .runsOnEventLoop("io.netty.channel.ChannelInboundHandler#channelInactive")
                .runsOnEventLoop("io.netty.channel.ChannelInboundHandler#userEventTriggered")
                .runsOnEventLoop("io.netty.channel.ChannelHandler#exceptionCaught")
                .runsOnEventLoop("io.netty.channel.ChannelOutboundHandler#bind")
                .runsOnEventLoop("io.netty.channel.ChannelOutboundHandler#connect")
                .runsOnEventLoop("io.netty.channel.ChannelOutboundHandler#disconnect")
                .runsOnEventLoop("io.netty.channel.ChannelOutboundHandler#close")
                .runsOnEventLoop("io.netty.channel.ChannelOutboundHandler#deregister")
                .runsOnEventLoop("io.netty.channel.ChannelOutboundHandler#read")
                .runsOnEventLoop("io.netty.channel.ChannelOutboundHandler#write")
                .runsOnEventLoop("io.netty.channel.ChannelOutboundHandler#flush")
                // What the adapters and codecs call from those callbacks, for the application to override.
                .runsOnEventLoop("io.netty.channel.SimpleChannelInboundHandler#channelRead0")
                .runsOnEventLoop("io.netty.channel.ChannelInitializer#initChannel")
                .runsOnEventLoop("io.netty.handler.codec.ByteToMessageDecoder#decode")
                .runsOnEventLoop("io.netty.handler.codec.ByteToMessageDecoder#decodeLast")
                .runsOnEventLoop("io.netty.handler.codec.MessageToByteEncoder#encode")
                .runsOnEventLoop("io.netty.handler.codec.MessageToMessageDecoder#decode")
                .runsOnEventLoop("io.netty.handler.codec.MessageToMessageEncoder#encode")
                .runsOnEventLoop("io.netty.util.concurrent.GenericFutureListener#operationComplete")
                .handsToEventLoop("io.netty.channel.EventLoop#execute")
                .handsToEventLoop("io.netty.channel.EventLoop#submit")
                .handsToEventLoop("io.netty.channel.EventLoop#schedule")
                .handsToEventLoop("io.netty.channel.EventLoop#scheduleAtFixedRate")
                .handsToEventLoop("io.netty.channel.EventLoop#scheduleWithFixedDelay")
                // For the build-time scan: Netty's own code is read for its types, not followed.
                .ownPackage("io.netty");
    }
}
