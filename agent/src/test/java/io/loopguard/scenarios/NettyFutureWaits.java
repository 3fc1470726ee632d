package io.loopguard.scenarios;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.BlockingOperationException;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Netty's own blocking methods on an event loop: {@code sync()} of a future of the loop's own (Netty refuses it with
 * {@code BlockingOperationException}, swallowed here) and {@code await()} of another loop's future (it waits). Beside
 * them, the fix on the loop ({@code addListener}) and the same {@code sync()} on the main thread, both silent.
 */
public final class NettyFutureWaits {

    public static void main(String[] args) throws Exception {
        MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            EventExecutor one = loops.next();
            EventExecutor other = loops.next();
            System.out.println("RESULT own loop " + one.submit(() -> syncOnOwnLoop(one)).get(30, TimeUnit.SECONDS));
            String awaited = one.submit(() -> awaitOnAnotherLoop(other)).get(30, TimeUnit.SECONDS);
            System.out.println("RESULT other loop " + awaited);
            CompletableFuture<String> listened = new CompletableFuture<>();
            one.execute(() -> listenOnLoop(other, listened));
            System.out.println("RESULT listener " + listened.get(30, TimeUnit.SECONDS));
            System.out.println("RESULT main thread " + syncOnMainThread(other));
        } finally {
            loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    static String syncOnOwnLoop(EventExecutor own) throws InterruptedException {
        Future<String> later = own.submit(() -> "later");
        try {
            return later.sync().getNow();
        } catch (BlockingOperationException refused) {
            return "refused";
        }
    }

    static String awaitOnAnotherLoop(EventExecutor other) throws InterruptedException {
        Future<String> onOther = other.submit(() -> "done");
        onOther.await();
        return onOther.getNow();
    }

    static void listenOnLoop(EventExecutor other, CompletableFuture<String> result) {
        Future<String> onOther = other.submit(() -> "done");
        onOther.addListener(done -> result.complete(onOther.getNow()));
    }

    static String syncOnMainThread(EventExecutor loop) throws InterruptedException {
        return loop.submit(() -> "done").sync().getNow();
    }
}
