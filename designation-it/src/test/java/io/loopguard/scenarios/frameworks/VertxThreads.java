package io.loopguard.scenarios.frameworks;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Vert.x 5: one blocking call on an event loop and one in {@code executeBlocking} (a worker), each from its
 * own method, after ordinary work on the event loops: the event bus, timers, an HTTP server and client
 * talking over loopback.
 */
public final class VertxThreads {

    public static void main(String[] args) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Promise<String> onEventLoop = Promise.promise();
            vertx.runOnContext(ignored -> {
                sleepOnEventLoop();
                // The fix: hand the blocking part to a worker, from the event loop.
                vertx.executeBlocking(() -> {
                    sleepInExecuteBlocking();
                    return Thread.currentThread().getName();
                }).onComplete(onEventLoop);
            });
            System.out.println("RESULT worker " + await(onEventLoop.future()));

            // Ordinary Vert.x work: its event-bus, context and HTTP internals must stay silent.
            vertx.eventBus().<String>consumer("greetings", message -> message.reply("hello " + message.body()));
            for (int i = 0; i < 20; i++) {
                System.out.println("RESULT event bus " + await(vertx.eventBus().request("greetings", "n" + i)).body());
            }
            Promise<Long> timer = Promise.promise();
            vertx.setTimer(5, timer::complete);
            await(timer.future());
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
        } finally {
            await(vertx.close());
        }
    }

    static void sleepOnEventLoop() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepInExecuteBlocking() {
        LockSupport.parkNanos(1_000_000);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(30, TimeUnit.SECONDS);
    }
}
