package io.loopguard.corpus.looptask;

import io.netty.channel.EventLoop;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Not a handler: code that hands tasks to an event loop, directly (a method reference, an anonymous class) and
 * through the application's own helper (a lambda). Each task blocks the loop it runs on.
 */
public final class ConfigRefresher {
    private final EventLoop loop;
    private volatile byte[] config;
    private volatile InetAddress backend;

    public ConfigRefresher(EventLoop loop) {
        this.loop = loop;
    }

    public void start() {
        loop.scheduleAtFixedRate(this::resolveBackend, 0, 30, TimeUnit.SECONDS);
        LoopTasks.onLoop(loop, () -> config = read("app.conf"));
        loop.execute(new Runnable() {
            @Override
            public void run() {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    private void resolveBackend() {
        try {
            backend = InetAddress.getByName("backend.internal");
        } catch (Exception e) {
            backend = null;
        }
    }

    private static byte[] read(String name) {
        try {
            return Files.readAllBytes(Path.of(name));
        } catch (Exception e) {
            return new byte[0];
        }
    }
}
