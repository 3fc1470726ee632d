package io.loopguard.corpus.vertx;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;

/** Vert.x: a request handler that reads a file on the event loop, and one that moves the read to a worker. */
public final class FileServer {

    public static void start(Vertx vertx) {
        vertx.createHttpServer().requestHandler(request -> request.response().end(read("index.html"))).listen(8080);
        vertx.createHttpServer().requestHandler(request -> vertx.executeBlocking(() -> read("big.bin"))
                .onSuccess(body -> request.response().end(body))).listen(8081);
        vertx.setPeriodic(1000, new HealthCheck());
    }

    static String read(String name) {
        try {
            return Files.readString(Path.of(name));
        } catch (Exception e) {
            return e.toString();
        }
    }
}
