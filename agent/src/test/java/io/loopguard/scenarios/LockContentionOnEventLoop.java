package io.loopguard.scenarios;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An event loop taking a {@code ReentrantLock} another thread holds. Usage: {@code LockContentionOnEventLoop <case>}:
 * <ul>
 * <li>{@code brief}: 50 times, another thread holds the lock 20 ms while a loop task takes it; prints
 *     {@code CONTENDED <n>}, how many times the loop found it held and waited;
 * <li>{@code long}: another thread holds the lock 50 ms after the loop started waiting for it; prints
 *     {@code RESULT lock ok} or {@code RESULT lock threw <error>}, then {@code RESULT lock usable: true} when
 *     the lock is free and works afterwards (in strict mode too);
 * <li>{@code stalling}: the same, held 400 ms: longer than the stall threshold.
 * </ul>
 */
public final class LockContentionOnEventLoop {
    private static final long BRIEF_HOLD_MILLIS = 20;
    private static final long LONG_HOLD_MILLIS = 50;
    private static final long STALLING_HOLD_MILLIS = 400;

    private LockContentionOnEventLoop() {
    }

    public static void main(String[] args) throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            switch (args[0]) {
                case "brief" -> brief(group.next(), 50);
                case "long" -> heldLong(group.next(), LONG_HOLD_MILLIS);
                case "stalling" -> heldLong(group.next(), STALLING_HOLD_MILLIS);
                default -> throw new IllegalArgumentException("unknown case: " + args[0]);
            }
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
        System.out.println("DONE");
    }

    private static void brief(EventLoop loop, int rounds) throws Exception {
        ReentrantLock lock = new ReentrantLock();
        AtomicInteger contended = new AtomicInteger();
        for (int i = 0; i < rounds; i++) {
            CountDownLatch held = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                lock.lock();
                try {
                    held.countDown();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(BRIEF_HOLD_MILLIS));
                } finally {
                    lock.unlock();
                }
            }, "lock-holder");
            holder.start();
            held.await();
            loop.submit(() -> {
                if (!lock.tryLock()) {
                    contended.incrementAndGet();
                    lock.lock();
                }
                lock.unlock();
            }).get();
            holder.join();
        }
        System.out.println("CONTENDED " + contended.get());
    }

    private static void heldLong(EventLoop loop, long holdMillis) throws Exception {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        AtomicReference<Thread> waiter = new AtomicReference<>();
        Thread holder = new Thread(() -> {
            lock.lock();
            try {
                held.countDown();
                // Holds on until the loop waits, however late a loaded machine runs it, then a while longer.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while ((waiter.get() == null || waiter.get().getState() != Thread.State.WAITING)
                        && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(1_000_000L);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(holdMillis));
            } finally {
                lock.unlock();
            }
        }, "lock-holder");
        holder.start();
        held.await();
        String outcome = loop.submit(() -> {
            waiter.set(Thread.currentThread());
            try {
                lock.lock();
            } catch (Throwable thrown) {
                return "threw " + thrown.getClass().getName();
            }
            lock.unlock();
            return "ok";
        }).get(30, TimeUnit.SECONDS);
        System.out.println("RESULT lock " + outcome);
        holder.join();
        boolean usable = !lock.isLocked() && lock.tryLock();
        if (usable) {
            lock.unlock();
        }
        System.out.println("RESULT lock usable: " + usable);
    }
}
