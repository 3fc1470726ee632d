package io.loopguard.scenarios;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;

/**
 * An event loop running short (5 ms) tasks back to back while another thread forces full garbage
 * collections of a large linked live set: tasks the GC pauses look long, but no task is to blame.
 * Usage: {@code GcPausesDuringTasks <collections>}; run it with a stop-the-world collector.
 */
public final class GcPausesDuringTasks {
    private static Node live;
    private static volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 6_000_000; i++) {
            live = new Node(live); // a linked list: marking it cannot be spread over threads
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoop loop = group.next();
        loop.execute(new Runnable() {
            @Override
            public void run() {
                StallsOnEventLoop.burnCpu(5);
                if (running) {
                    loop.execute(this);
                }
            }
        });
        Thread.sleep(500);
        for (int i = 0; i < Integer.parseInt(args[0]); i++) {
            System.gc();
            Thread.sleep(300);
        }
        running = false;
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        System.out.println("DONE " + (live != null));
    }

    private static final class Node {
        final Node next;
        long payload;

        Node(Node next) {
            this.next = next;
        }
    }
}
