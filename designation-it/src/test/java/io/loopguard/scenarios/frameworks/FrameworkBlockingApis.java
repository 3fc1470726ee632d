package io.loopguard.scenarios.frameworks;

import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.reactivex.rxjava3.core.Single;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import kotlin.coroutines.EmptyCoroutineContext;
import kotlinx.coroutines.BuildersKt;
import kotlinx.coroutines.CoroutineScopeKt;
import kotlinx.coroutines.CoroutineStart;
import kotlinx.coroutines.Dispatchers;
import kotlinx.coroutines.future.FutureKt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A framework's own blocking API called where it must not be: Reactor's {@code block()} and {@code blockFirst()}
 * on a {@code parallel()} worker (Reactor refuses them with an {@code IllegalStateException} before anything waits,
 * and the chain swallows it here), Netty's {@code sync()} on one event loop for a future of another, RxJava's
 * {@code blockingGet()} on a {@code computation()} worker, Vert.x's {@code existsBlocking} on its event loop and
 * kotlinx's {@code runBlocking} in a coroutine on {@code Dispatchers.Default}. Beside them, the same calls where
 * they are fine: {@code block()} of a completed {@code Mono} on a {@code boundedElastic()} worker, and
 * {@code block()} and {@code sync()} on the main thread.
 */
public final class FrameworkBlockingApis {

    public static void main(String[] args) throws Exception {
        String refused = Mono.fromCallable(FrameworkBlockingApis::blockOnParallel).subscribeOn(Schedulers.parallel())
                .onErrorResume(IllegalStateException.class, e -> Mono.just("refused")).block();
        System.out.println("RESULT block on parallel " + refused);
        String first = Mono.fromCallable(FrameworkBlockingApis::blockFirstOnParallel).subscribeOn(Schedulers.parallel())
                .onErrorResume(IllegalStateException.class, e -> Mono.just("refused")).block();
        System.out.println("RESULT blockFirst on parallel " + first);
        String elastic = Mono.fromCallable(FrameworkBlockingApis::blockCompletedOnBoundedElastic)
                .subscribeOn(Schedulers.boundedElastic()).block();
        System.out.println("RESULT block on boundedElastic " + elastic);
        System.out.println("RESULT block on main " + blockOnMainThread());
        Schedulers.shutdownNow();

        MultiThreadIoEventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            EventExecutor one = loops.next();
            EventExecutor other = loops.next();
            String synced = one.submit(() -> syncOnAnotherLoop(other)).get(30, TimeUnit.SECONDS);
            System.out.println("RESULT sync on another loop " + synced);
            System.out.println("RESULT sync on main " + syncOnMainThread(other));
        } finally {
            loops.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }

        String rx = Single.fromCallable(FrameworkBlockingApis::blockingGetOnComputation)
                .subscribeOn(io.reactivex.rxjava3.schedulers.Schedulers.computation()).blockingGet();
        System.out.println("RESULT blockingGet on computation " + rx);
        io.reactivex.rxjava3.schedulers.Schedulers.shutdown();

        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<Boolean> exists = new CompletableFuture<>();
            vertx.runOnContext(ignored -> exists.complete(existsBlockingOnEventLoop(vertx)));
            System.out.println("RESULT existsBlocking on event loop " + exists.get(30, TimeUnit.SECONDS));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }

        String coroutine = FutureKt.<String>future(CoroutineScopeKt.CoroutineScope(Dispatchers.getDefault()),
                Dispatchers.getDefault(), CoroutineStart.DEFAULT, (scope, continuation) -> runBlockingOnDefault())
                .get(30, TimeUnit.SECONDS);
        System.out.println("RESULT runBlocking on Default " + coroutine);
    }

    static String blockOnParallel() {
        return Mono.delay(Duration.ofMillis(1)).map(tick -> "done").block();
    }

    static String blockFirstOnParallel() {
        return Flux.just("first", "second").blockFirst();
    }

    static String blockCompletedOnBoundedElastic() {
        return Mono.just("done").block();
    }

    static String blockOnMainThread() {
        return Mono.delay(Duration.ofMillis(1)).map(tick -> "done").block();
    }

    static String syncOnAnotherLoop(EventExecutor other) throws InterruptedException {
        Future<String> onOther = other.submit(() -> "done");
        return onOther.sync().getNow();
    }

    static String blockingGetOnComputation() {
        return Single.just("done").blockingGet();
    }

    static boolean existsBlockingOnEventLoop(Vertx vertx) {
        return vertx.fileSystem().existsBlocking(".");
    }

    static String runBlockingOnDefault() {
        try {
            return BuildersKt.<String>runBlocking(EmptyCoroutineContext.INSTANCE, (scope, continuation) -> "done");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static String syncOnMainThread(EventExecutor loop) throws InterruptedException {
        Future<String> onLoop = loop.submit(() -> "done");
        return onLoop.sync().getNow();
    }
}
