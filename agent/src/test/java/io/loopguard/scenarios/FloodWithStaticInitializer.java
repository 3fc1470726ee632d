package io.loopguard.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * On a thread named {@code flood-loop}: first uses a class whose static initialiser reads a file (accepted, so
 * neither reported nor counted), then floods the agent with {@code calls} blocking calls, more than its
 * report queue holds. Then it reads its own Prometheus endpoint and prints the blocking-calls counter:
 * {@code COUNTER <n>}.
 *
 * <p>Usage: {@code FloodWithStaticInitializer <metrics port> <calls>}.
 */
public final class FloodWithStaticInitializer {
    public static final String THREAD = "flood-loop";

    /** Reads a file of the class path in its static initialiser (its own class file), as a class reads its resources. */
    static final class BlocksWhileInitialized {
        static final long PARKED = readOwnClassFile();

        private static long readOwnClassFile() {
            try (InputStream in = BlocksWhileInitialized.class.getResourceAsStream("FloodWithStaticInitializer.class")) {
                return in.read() >= 0 ? 1 : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        Thread loop = new Thread(() -> {
            System.out.println("RESULT initialized " + BlocksWhileInitialized.PARKED);
            for (int i = 0; i < calls; i++) {
                LockSupport.unpark(Thread.currentThread());
                LockSupport.park();
            }
        }, THREAD);
        loop.start();
        loop.join();
        AgentFlush.await();
        System.out.println("COUNTER " + blockingCalls(port));
    }

    /** The counter's sum, once the exporter registered it (within half a second of its first count). */
    private static long blockingCalls(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            double sum = 0;
            boolean found = false;
            try (InputStream in = URI.create("http://127.0.0.1:" + port + "/metrics").toURL().openStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.startsWith("loopguard_blocking_calls_total{")) {
                        found = true;
                        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
            }
            if (found || System.nanoTime() > deadline) {
                return (long) sum;
            }
            Thread.sleep(100);
        }
    }
}
