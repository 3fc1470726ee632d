package io.loopguard.scenarios.frameworks;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Vert.x 5 or 4: one blocking call on an event loop and one in {@code executeBlocking} (a worker), each from
 * its own method, then ordinary work on the event loops: the event bus, timers, and (Vert.x 5's API) an HTTP
 * server and client talking over loopback.
 *
 * <p>Usage: {@code VertxThreads [--vertx4]}: with it, only what the two versions' APIs share.
 */
public final class VertxThreads {

    public static void main(String[] args) throws Exception {
        boolean vertx4 = args.length > 0 && args[0].equals("--vertx4");
        Vertx vertx = Vertx.vertx();
        try {
            CompletableFuture<String> worker = new CompletableFuture<>();
            vertx.runOnContext(ignored -> {
                sleepOnEventLoop();
                // The fix: hand the blocking part to a worker, from the event loop.
                vertx.executeBlocking(() -> {
                    sleepInExecuteBlocking();
                    return Thread.currentThread().getName();
                }).onComplete(result -> worker.complete(result.result()));
            });
            System.out.println("RESULT worker " + worker.get(30, TimeUnit.SECONDS));

            // Ordinary Vert.x work: its event-bus, context and HTTP internals must stay silent.
            vertx.eventBus().<String>consumer("greetings", message -> message.reply("hello " + message.body()));
            for (int i = 0; i < 20; i++) {
                System.out.println("RESULT event bus " + await(vertx.eventBus().request("greetings", "n" + i)).body());
            }
            Promise<Long> timer = Promise.promise();
            vertx.setTimer(5, timer::complete);
            await(timer.future());
            if (!vertx4) {
                httpOverLoopback(vertx);
            }
        } finally {
            await(vertx.close());
        }
    }

    private static void httpOverLoopback(Vertx vertx) throws Exception {
        HttpServer server = await(vertx.createHttpServer()
                .requestHandler(request -> request.response().end("pong " + request.path()))
                .listen(0, "127.0.0.1"));
        HttpClientAgent client = vertx.createHttpClient();
        for (int i = 0; i < 20; i++) {
            String body = await(client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/ping" + i)
                    .compose(request -> request.send())
                    .compose(HttpClientResponse::body)).toString();
            System.out.println("RESULT http " + body);
        }
        await(client.close());
        await(server.close());
    }

    static void sleepOnEventLoop() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepInExecuteBlocking() {
        LockSupport.parkNanos(1_000_000);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
