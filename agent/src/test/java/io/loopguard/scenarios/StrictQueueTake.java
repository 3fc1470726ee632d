package io.loopguard.scenarios;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
        Thread producer = new Thread(() -> {
            LockSupport.parkNanos(100_000_000L);
            queue.offer("item");
        });
        producer.start();
        String outcome = loop.submit(() -> {
            try {
                queue.take();
                return "take returned";
            } catch (Throwable thrown) {
                return "take threw " + thrown.getClass().getName();
            }
        }).get(30, TimeUnit.SECONDS);
        System.out.println("RESULT " + outcome);
        producer.join();
        queue.clear();
        queue.offer("after");
        System.out.println("RESULT queue still works: " + "after".equals(queue.poll(1, TimeUnit.SECONDS)));
        loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
    }
}
