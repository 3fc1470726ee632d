package io.loopguard.corpus.healthy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Blocking at start-up, on the main thread, before any loop runs: not reachable from an entry point. */
public final class Startup {

    public static void main(String[] args) throws Exception {
        byte[] config = Files.readAllBytes(Path.of(args[0]));
        Thread.sleep(config.length);
        new CountingHandler();
    }
}
