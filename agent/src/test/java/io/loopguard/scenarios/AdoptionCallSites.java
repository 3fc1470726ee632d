package io.loopguard.scenarios;

import io.loopguard.scenarios.legacy.Journal;
import io.loopguard.scenarios.legacy.LegacyConfig;
import io.loopguard.scenarios.legacy.UserCache;
import io.loopguard.scenarios.legacy.store.Store;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.FileHandler;
import java.util.logging.Logger;

/**
 * The blocking call sites of a legacy service that adopts Loopguard: each in a class and method of its own, so
 * that rules and baselines can name them. Runs each {@code <site>@<loop>} given on the event loop {@code alpha}
 * or {@code beta} (threads {@code alpha-N-1}, {@code beta-N-1}) and prints {@code RESULT <site>@<loop> ok} or
 * {@code RESULT <site>@<loop> threw <class>}.
 *
 * <p>Sites: {@code config-new} (a file read in {@code LegacyConfig}'s constructor), {@code config-load} (a
 * sleep, then a file read, in {@code LegacyConfig#load}), {@code cache-load} (a sleep in
 * {@code UserCache#fetch}, called by {@code UserCache#loadUser}), {@code cache-evict}, {@code journal-flush}
 * ({@code legacy.Journal}), {@code store-flush} and {@code store-sync} ({@code legacy.store.Store}),
 * {@code handle} ({@code AdoptionCallSites#handle}), {@code jul-log} (a record logged through
 * {@code java.util.logging}'s {@code FileHandler}, which writes the file on the thread that logs).
 */
public final class AdoptionCallSites {
    private static final Logger LOG = Logger.getLogger(AdoptionCallSites.class.getName());

    public static void main(String[] args) throws Exception {
        Path file = Files.writeString(Files.createTempFile("loopguard-config-", ".properties"), "answer=42\n");
        Path logs = Files.createTempDirectory("loopguard-logs-");
        FileHandler toFile = new FileHandler(logs.resolve("service.log").toString());
        LOG.setUseParentHandlers(false);
        LOG.addHandler(toFile);
        Map<String, EventExecutorGroup> loops = Map.of(
                "alpha", new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("alpha"), NioIoHandler.newFactory()),
                "beta", new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("beta"), NioIoHandler.newFactory()));
        try {
            for (String siteOnLoop : args) {
                String[] parts = siteOnLoop.split("@");
                String result = loops.get(parts[1]).submit(() -> {
                    try {
                        run(parts[0], file);
                        return "ok";
                    } catch (Throwable thrown) {
                        return "threw " + thrown.getClass().getName();
                    }
                }).get(60, TimeUnit.SECONDS);
                System.out.println("RESULT " + siteOnLoop + " " + result);
            }
        } finally {
            for (EventExecutorGroup loop : loops.values()) {
                loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            }
            Files.delete(file);
            toFile.close();
        }
    }

    private static void run(String site, Path file) throws Exception {
        switch (site) {
            case "config-new" -> new LegacyConfig(file);
            case "config-load" -> LegacyConfig.load(file);
            case "cache-load" -> UserCache.loadUser();
            case "cache-evict" -> UserCache.evict();
            case "journal-flush" -> Journal.flush();
            case "store-flush" -> Store.flush();
            case "store-sync" -> Store.sync();
            case "handle" -> handle();
            case "jul-log" -> LOG.info("an order was placed");
            default -> throw new IllegalArgumentException("unknown site: " + site);
        }
    }

    static void handle() throws InterruptedException {
        Thread.sleep(1);
    }
}
