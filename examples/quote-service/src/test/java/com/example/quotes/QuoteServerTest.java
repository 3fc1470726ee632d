package com.example.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopguard.junit.NoBlocking;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The service's own test; {@code @NoBlocking} also fails it if the event loop blocked while it ran. */
@NoBlocking
class QuoteServerTest {
    static QuoteServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        server = new QuoteServer(0, new PriceFeed());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesAQuote() throws Exception {
        HttpResponse<String> response = get(server, "/quote/ACME");
        assertEquals(200, response.statusCode());
    }

    static HttpResponse<String> get(QuoteServer server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
