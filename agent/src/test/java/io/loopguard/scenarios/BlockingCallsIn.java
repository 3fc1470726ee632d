package io.loopguard.scenarios;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs blocking calls from {@link Blockers} and {@link IoBlockers} on one kind of thread and prints
 * one {@code RESULT} line per call: {@code RESULT <call> ok} or {@code RESULT <call> threw <class>}.
 *
 * <p>Usage: {@code BlockingCallsIn <where> [repetitions] <call>...}, where is one of
 * {@code event-loop} (Netty 4.2 NIO), {@code legacy-event-loop} (Netty 4.2's deprecated
 * {@code NioEventLoopGroup}), {@code allowed-on-event-loop}, {@code event-executor}
 * ({@code DefaultEventExecutorGroup}), {@code global-executor}, {@code thread-pool},
 * {@code thread:<name>} (a plain thread with that name).
 */
public final class BlockingCallsIn {

    public static void main(String[] args) throws Exception {
        String where = args[0];
        int repetitions = Integer.parseInt(args[1]);
        List<String> calls = Arrays.asList(args).subList(2, args.length);
        Place place = place(where);
        try {
            for (String call : calls) {
                if (!Blockers.existsOnThisJdk(call)) {
                    continue;
                }
                Future<String> result = place.submit(() -> {
                    try {
                        for (int i = 0; i < repetitions; i++) {
                            if (where.equals("allowed-on-event-loop")) {
                                AllowedBlocking.run(call);
                            } else if (IoBlockers.has(call)) {
                                IoBlockers.run(call);
                            } else {
                                Blockers.run(call);
                            }
                        }
                        return "ok";
                    } catch (Throwable thrown) {
                        return "threw " + thrown.getClass().getName();
                    }
                });
                System.out.println("RESULT " + call + " " + result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            place.close();
        }
    }

    private interface Place {
        Future<String> submit(Callable<String> task);

        void close() throws Exception;
    }

    private static Place place(String where) {
        if (where.startsWith("thread:")) {
            String name = where.substring("thread:".length());
            ExecutorService single = Executors.newSingleThreadExecutor(r -> new Thread(r, name));
            return executor(single);
        }
        return switch (where) {
            case "event-loop", "allowed-on-event-loop" ->
                    netty(new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()));
            case "legacy-event-loop" -> netty(legacyNioGroup());
            case "event-executor" -> netty(new DefaultEventExecutorGroup(1));
            case "global-executor" -> new Place() {
                @Override
                public Future<String> submit(Callable<String> task) {
                    return GlobalEventExecutor.INSTANCE.submit(task);
                }

                @Override
                public void close() {
                }
            };
            case "thread-pool" -> executor(Executors.newFixedThreadPool(1));
            default -> throw new IllegalArgumentException("unknown place: " + where);
        };
    }

    @SuppressWarnings("deprecation")
    private static EventLoopGroup legacyNioGroup() {
        return new NioEventLoopGroup(1);
    }

    private static Place netty(EventExecutorGroup group) {
        return new Place() {
            @Override
            public Future<String> submit(Callable<String> task) {
                return group.submit(task);
            }

            @Override
            public void close() throws Exception {
                group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
            }
        };
    }

    private static Place executor(ExecutorService executor) {
        return new Place() {
            @Override
            public Future<String> submit(Callable<String> task) {
                return executor.submit(task);
            }

            @Override
            public void close() throws Exception {
                executor.shutdown();
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
        };
    }
}
