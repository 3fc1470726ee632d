package io.loopguard.scenarios;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code LinkedBlockingQueue.take()} on an event loop in strict mode: the caller must get the
 * {@code BlockingCallError}, and the queue must still work afterwards (its lock was not left half-released).
 * Without strict mode, the take waits for the item another thread offers.
 */
public final class StrictQueueTake {

    public static void main(String[] args) throws Exception {
        EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        AtomicReference<Thread> taker = new AtomicReference<>();
        AtomicBoolean taken = new AtomicBoolean();
        // Offers only once the take really waits (or is over), however late a loaded machine runs the loop.
        Thread producer = new Thread(() -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!taken.get() && !waiting(taker.get()) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000L);
            }
            queue.offer("item");
        });
        producer.start();
        String outcome = loop.submit(() -> {
            taker.set(Thread.currentThread());
            try {
                queue.take();
                return "take returned";
            } catch (Throwable thrown) {
                return "take threw " + thrown.getClass().getName();
            } finally {
                taken.set(true);
            }
        }).get(30, TimeUnit.SECONDS);
        System.out.println("RESULT " + outcome);
        producer.join();
        queue.clear();
        queue.offer("after");
        System.out.println("RESULT queue still works: " + "after".equals(queue.poll(1, TimeUnit.SECONDS)));
        loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
    }

    private static boolean waiting(Thread thread) {
        return thread != null && thread.getState() == Thread.State.WAITING;
    }
}
