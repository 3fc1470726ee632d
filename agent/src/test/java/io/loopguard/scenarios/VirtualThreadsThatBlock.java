package io.loopguard.scenarios;

import io.loopguard.bootstrap.DetectionSubscribers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Virtual threads (JDK 21+) that block: pinned in a class initializer ({@link SlowInitializer}, made anew in a
 * fresh class loader each time), unpinned in {@link #sleepUnpinned}, and in {@link #sleepInSynchronized}.
 * Usage: {@code VirtualThreadsThatBlock <metrics port>}. Pins until Loopguard reports a pin (its watch starts
 * with the first virtual thread), then blocks the other ways, then pins once more and waits for that report, so
 * that every report of the blocking before it is in; prints the Prometheus lines of {@code loopguard_pinned}.
 * On JDK 17 prints {@code RESULT no virtual threads}.
 */
public final class VirtualThreadsThatBlock {
    private static final long WAIT_SECONDS = 90;
    private static final Object LOCK = new Object();

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < 21) {
            System.out.println("RESULT no virtual threads");
            return;
        }
        CountDownLatch[] pinned = {new CountDownLatch(1)};
        Consumer<Map<String, Object>> subscriber = detection -> {
            if ("pinned".equals(detection.get("type"))) {
                pinned[0].countDown();
            }
        };
        DetectionSubscribers.subscribe(subscriber);
        pinUntilReported(pinned[0]);
        System.out.println("RESULT pinned reported");
        virtual("sleeper", VirtualThreadsThatBlock::sleepUnpinned).join();
        virtual("synchronized-sleeper", VirtualThreadsThatBlock::sleepInSynchronized).join();
        pinned[0] = new CountDownLatch(1);
        pinUntilReported(pinned[0]);
        DetectionSubscribers.flush(10_000);
        System.out.println("RESULT done");
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + args[0] + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        metrics.lines().filter(line -> line.startsWith("loopguard_pinned")).forEach(line -> System.out.println("METRIC " + line));
    }

    private static void pinUntilReported(CountDownLatch reported) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        do {
            virtual("initializer", VirtualThreadsThatBlock::initializeSlowClass).join();
        } while (!reported.await(200, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
        if (reported.getCount() > 0) {
            throw new IllegalStateException("no pinned report in " + WAIT_SECONDS + " s");
        }
    }

    static void sleepUnpinned() {
        sleep();
    }

    static void sleepInSynchronized() {
        synchronized (LOCK) {
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@link SlowInitializer}'s static initializer again, in a class loader of its own. */
    static void initializeSlowClass() {
        String name = SlowInitializer.class.getName();
        ClassLoader fresh = new ClassLoader(VirtualThreadsThatBlock.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (!className.equals(name)) {
                    return super.loadClass(className, resolve);
                }
                synchronized (getClassLoadingLock(className)) {
                    Class<?> loaded = findLoadedClass(className);
                    return loaded != null ? loaded : define(className);
                }
            }

            private Class<?> define(String className) {
                try (InputStream in = getParent().getResourceAsStream(className.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(className, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        try {
            Class.forName(name, true, fresh);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a virtual thread named {@code name}: through reflection, since the tests are built for JDK 17. */
    static Thread virtual(String name, Runnable task) throws ReflectiveOperationException {
        Class<?> builder = Class.forName("java.lang.Thread$Builder");
        Object named = builder.getMethod("name", String.class).invoke(Thread.class.getMethod("ofVirtual").invoke(null), name);
        return (Thread) builder.getMethod("start", Runnable.class).invoke(named, task);
    }
}
