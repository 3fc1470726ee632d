package io.loopguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.demo.backend.LegacyBackend;
import io.loopguard.demo.server.Mode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * Seed 000 against the real Redis on 127.0.0.1:6379: a stream that subscribes on the event loop freezes every
 * other stream (and /health) until it ends; the fixed streams run side by side.
 */
class RedisStreamIT {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String prefix = "loopguard-demo-" + System.nanoTime() + "-";

    @Test
    void aBlockingStreamFreezesTheNextStreamAndHealthUntilItEnds() throws Exception {
        try (RunningDemo demo = new RunningDemo(new LegacyBackend(), 4, 4); Jedis redis = new Jedis("127.0.0.1", 6379)) {
            CompletableFuture<HttpResponse<String>> first = stream(demo, "blocking", "a");
            waitUntilSubscribed(redis, "a");
            CompletableFuture<HttpResponse<String>> second = stream(demo, "blocking", "b");
            CompletableFuture<HttpResponse<String>> health = get(demo, "/health");

            Thread.sleep(1000);
            assertEquals(0, subscribers(redis, "b"), "the second stream cannot even subscribe while the first holds the loop");
            assertFalse(health.isDone(), "/health is not answered while the loop is stuck in the first stream");

            redis.publish(prefix + "a", "hello-a");
            assertTrue(first.get(10, TimeUnit.SECONDS).body().contains("data: hello-a"));
            // The loop moves on to whatever waited: the second stream holds it now (and /health may wait again).
            waitUntilSubscribed(redis, "b");
            redis.publish(prefix + "b", "hello-b");
            assertTrue(second.get(10, TimeUnit.SECONDS).body().contains("data: hello-b"));
            assertEquals(200, health.get(10, TimeUnit.SECONDS).statusCode(), "the loop is free again once the streams ended");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Mode.OFFLOAD, Mode.ASYNC})
    void fixedStreamsRunSideBySideAndHealthIsAnswered(String mode) throws Exception {
        try (RunningDemo demo = new RunningDemo(new LegacyBackend(), 4, 4); Jedis redis = new Jedis("127.0.0.1", 6379)) {
            CompletableFuture<HttpResponse<String>> first = stream(demo, mode, "a");
            CompletableFuture<HttpResponse<String>> second = stream(demo, mode, "b");
            waitUntilSubscribed(redis, "a");
            waitUntilSubscribed(redis, "b");
            assertEquals(200, get(demo, "/health").get(10, TimeUnit.SECONDS).statusCode(), "health is answered during the streams");

            redis.publish(prefix + "b", "hello-b");
            redis.publish(prefix + "a", "hello-a");
            assertTrue(first.get(10, TimeUnit.SECONDS).body().contains("data: hello-a"));
            assertTrue(second.get(10, TimeUnit.SECONDS).body().contains("data: hello-b"));
            assertTrue(first.join().body().startsWith(": subscribed to " + prefix + "a"), first.join().body());
        }
    }

    private CompletableFuture<HttpResponse<String>> stream(RunningDemo demo, String mode, String channel) {
        return get(demo, "/" + mode + "/stream?channel=" + prefix + channel + "&messages=1");
    }

    private CompletableFuture<HttpResponse<String>> get(RunningDemo demo, String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(demo.url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private long subscribers(Jedis redis, String channel) {
        return redis.pubsubNumSub(prefix + channel).getOrDefault(prefix + channel, 0L);
    }

    private void waitUntilSubscribed(Jedis redis, String channel) throws InterruptedException {
        for (int i = 0; i < 200 && subscribers(redis, channel) == 0; i++) {
            Thread.sleep(50);
        }
        assertEquals(1, subscribers(redis, channel), "nobody subscribed to " + prefix + channel);
    }
}
