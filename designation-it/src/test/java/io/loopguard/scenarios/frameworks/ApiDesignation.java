package io.loopguard.scenarios.frameworks;

import io.loopguard.api.Loopguard;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An application that owns its threads and says which must not block, through loopguard-api and through an
 * SPI integration ({@link ScenarioIntegration}): one blocking call in each situation, each from its own
 * method. Runs the same with and without the agent.
 */
public final class ApiDesignation {

    /** A marker a framework puts on its loop threads; {@link ScenarioIntegration} names it. */
    public interface MustNotBlock {
    }

    public static void main(String[] args) throws Exception {
        inThread("designated-by-api", () -> {
            Loopguard.designateCurrentThread();
            sleepAfterDesignateCurrentThread();
        });

        ExecutorService loop = Executors.newSingleThreadExecutor(Loopguard.designating(task -> new Thread(task, "api-loop")));
        loop.submit(ApiDesignation::sleepOnDesignatingFactoryThread).get(30, TimeUnit.SECONDS);
        loop.submit(() -> Loopguard.runAllowed(ApiDesignation::sleepInRunAllowed)).get(30, TimeUnit.SECONDS);
        loop.submit(() -> Loopguard.callAllowed(() -> {
            sleepInCallAllowed();
            return null;
        })).get(30, TimeUnit.SECONDS);
        loop.shutdown();
        loop.awaitTermination(10, TimeUnit.SECONDS);

        Loopguard.runDesignated(ApiDesignation::sleepInRunDesignated);
        sleepAfterRunDesignated();
        inThread("plain", ApiDesignation::sleepOnPlainThread);

        // What the SPI integration designates and allows.
        Thread own = new OwnLoopThread(ApiDesignation::sleepOnThreadOfANamedType);
        own.start();
        own.join();
        inThread("own-loop", ApiDesignation::runOwnLoop);
        System.out.println("RESULT done");
    }

    static void sleepAfterDesignateCurrentThread() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnDesignatingFactoryThread() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepInRunAllowed() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepInCallAllowed() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepInRunDesignated() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepAfterRunDesignated() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnPlainThread() {
        LockSupport.parkNanos(1_000_000);
    }

    static void sleepOnThreadOfANamedType() {
        LockSupport.parkNanos(1_000_000);
    }

    /** Named by the integration as an event loop's run method. */
    static void runOwnLoop() {
        sleepInOwnLoop();
        legacyCall();
    }

    static void sleepInOwnLoop() {
        LockSupport.parkNanos(1_000_000);
    }

    /** Named by the integration as a method where blocking is accepted. */
    static void legacyCall() {
        LockSupport.parkNanos(1_000_000);
    }

    private static void inThread(String name, Runnable body) throws InterruptedException {
        Thread thread = new Thread(body, name);
        thread.start();
        thread.join();
    }

    private static final class OwnLoopThread extends Thread implements MustNotBlock {
        OwnLoopThread(Runnable body) {
            super(body, "own-loop-thread");
        }
    }
}
