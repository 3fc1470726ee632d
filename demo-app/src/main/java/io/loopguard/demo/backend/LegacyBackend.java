package io.loopguard.demo.backend;

import io.loopguard.demo.client.NettyHttpClient;
import io.netty.channel.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The default backend: the in-process slow HTTP service, called with the JDK's blocking
 * {@code HttpClient.send} (what a lot of legacy code does) or with Netty's non-blocking client on the
 * caller's own event loop.
 */
public final class LegacyBackend implements SlowBackend {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final LegacyService service;
    private final HttpClient blockingClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public LegacyBackend() throws InterruptedException {
        service = new LegacyService();
    }

    @Override
    public String callBlocking(Duration time) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(time)).timeout(TIMEOUT).build();
        return blockingClient.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public CompletionStage<String> callAsync(Duration time, EventLoop loop) {
        return new NettyHttpClient(loop).get(service.address(), path(time), TIMEOUT).thenApply(NettyHttpClient.Response::body);
    }

    @Override
    public String describe() {
        InetSocketAddress address = service.address();
        return "legacy HTTP service at http://127.0.0.1:" + address.getPort() + "/work";
    }

    @Override
    public void close() {
        service.close();
    }

    private URI uri(Duration time) {
        return URI.create("http://127.0.0.1:" + service.address().getPort() + path(time));
    }

    private static String path(Duration time) {
        return "/work?ms=" + time.toMillis();
    }
}
