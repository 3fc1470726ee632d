package io.loopguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.demo.backend.LegacyBackend;
import io.loopguard.junit.NoBlocking;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Seed 004: when the offload pool and its queue are full, the next request is refused at once with 503.
 * {@code @NoBlocking}: neither the offload hand-off nor the refusal may block the event loop, or the test fails.
 */
@NoBlocking
class BackpressureIT {
    private static final long CALL_MILLIS = 2000;

    @Test
    void aFullOffloadQueueAnswers503WithRetryAfterAtOnce() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (RunningDemo demo = new RunningDemo(new LegacyBackend(), 1, 1)) {
            HttpRequest slow = HttpRequest.newBuilder(URI.create(demo.url("/offload/work?ms=" + CALL_MILLIS))).build();
            // One request on the only worker, one in the only queue place.
            List<CompletableFuture<HttpResponse<String>>> accepted = List.of(
                    http.sendAsync(slow, HttpResponse.BodyHandlers.ofString()),
                    http.sendAsync(slow, HttpResponse.BodyHandlers.ofString()));
            waitUntilBothAreAccepted(http, demo);
            long start = System.nanoTime();
            HttpResponse<String> refused = http.send(slow, HttpResponse.BodyHandlers.ofString());
            long refusedMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""), "Retry-After tells when to come back");
            assertTrue(refusedMillis * 10 < CALL_MILLIS, "the 503 took " + refusedMillis + " ms; it should come at once, "
                    + "not after the " + CALL_MILLIS + " ms call the queue is waiting for");
            for (CompletableFuture<HttpResponse<String>> answer : accepted) {
                assertEquals(200, answer.join().statusCode(), "the accepted requests are still served");
            }
        }
    }

    /** The pool has taken both requests once a third one (a probe) is refused. */
    private static void waitUntilBothAreAccepted(HttpClient http, RunningDemo demo) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create(demo.url("/health"))).build();
        for (int i = 0; i < 100 && http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200; i++) {
            Thread.sleep(20);
            HttpRequest probe = HttpRequest.newBuilder(URI.create(demo.url("/offload/work?ms=1"))).build();
            if (http.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode() == 503) {
                return;
            }
        }
    }
}
