package io.loopguard.scenarios;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Netty service started without the agent, its event loop serving, which a handler blocks on {@code /block};
 * it runs {@code java -jar loopguard-agent.jar attach|status|detach} against itself, from a separate JVM, as an
 * operator would. Usage: {@code AttachToRunningService <agent jar> <events file> <attach-detach cycles>};
 * prints each command's exit code and output between {@code COMMAND} and {@code END} lines, what a load generator
 * got while the cycles ran ({@code LOAD}), and the JVM's footprint after the first and the last cycle
 * ({@code FOOTPRINT}).
 */
public final class AttachToRunningService {
    private static String agentJar;
    private static String pid;

    public static void main(String[] args) throws Exception {
        agentJar = args[0];
        String events = args[1];
        int cycles = Integer.parseInt(args[2]);
        pid = Long.toString(ProcessHandle.current().pid());
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = LoopbackServer.startHttp(group, BlockingHandler::new);
            String base = "http://127.0.0.1:" + LoopbackServer.port(server);
            // The loop has been serving for a while when the agent arrives.
            for (int i = 0; i < 20; i++) {
                get(base + "/fine");
            }
            get(base + "/block");
            System.out.println("THREADS-BEFORE " + loopguardThreads());

            command("status-before-attach", "status", pid);
            command("attach", "attach", pid, "events=" + events);
            command("attach-again", "attach", pid);
            get(base + "/block");
            get(base + "/fine");
            command("status", "status", pid);
            command("detach", "detach", pid);
            get(base + "/block");
            // A load generator serves requests throughout the cycles: attaching and detaching must lose none.
            Load load = new Load(base + "/fine");
            load.start();
            for (int cycle = 1; cycle <= cycles; cycle++) {
                command("cycle-attach", "attach", pid);
                get(base + "/block");
                command("cycle-detach", "detach", pid);
                if (cycle == 1 || cycle == cycles) {
                    System.out.println("FOOTPRINT after-cycle-" + (cycle == 1 ? "first" : "last") + " " + footprint());
                }
            }
            load.stop();
            get(base + "/block");
            command("no-such-process", "attach", "2147483646");
            command("not-a-pid", "status", "twelve");
            System.out.println("THREADS-AFTER " + loopguardThreads());
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Runs the agent jar's command in a JVM of its own, as a user in another terminal would. */
    private static void command(String label, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", agentJar));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile("loopguard-command", ".txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        int exit = process.waitFor();
        System.out.println("COMMAND " + label + " exit=" + exit);
        System.out.println(Files.readString(output).strip());
        System.out.println("END " + label);
        Files.delete(output);
    }

    /** What must not grow with each cycle: classes loaded, threads, heap in use after a full collection. */
    private static String footprint() {
        System.gc();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        return "classes=" + ManagementFactory.getClassLoadingMXBean().getLoadedClassCount()
                // The JDK's process reapers (one per command run, kept a minute) come and go on their own.
                + " threads=" + Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> !thread.getName().equals("process reaper")).count()
                + " heapKiB=" + memory.getHeapMemoryUsage().getUsed() / 1024
                + " metaspaceKiB=" + ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getName().equals("Metaspace")).mapToLong(pool -> pool.getUsage().getUsed())
                        .sum() / 1024;
    }

    private static List<String> loopguardThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("loopguard")).sorted().toList();
    }

    private static void get(String url) throws Exception {
        HttpURLConnection connection = (HttpURLConnection) new URL(url).openConnection();
        try (InputStream body = connection.getInputStream()) {
            body.readAllBytes();
        }
    }

    /** Requests {@code url} one after another on a thread of its own until stopped; counts answers and failures. */
    static final class Load implements Runnable {
        private final String url;
        private final Thread thread = new Thread(this, "load-generator");
        private volatile boolean running = true;
        private int answered;
        private final List<String> failures = new ArrayList<>();

        Load(String url) {
            this.url = url;
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
            System.out.println("LOAD answered=" + answered + " failures=" + failures);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    get(url);
                    answered++;
                    Thread.sleep(2); // steady traffic, not a busy loop that starves the attach of the machine's CPU
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }
    }

    /** Sleeps on the event loop for {@code /block}: the bug an operator attaches Loopguard to find. */
    static final class BlockingHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) throws Exception {
            if (request.uri().startsWith("/block")) {
                Thread.sleep(20);
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.copiedBuffer("ok\n", StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            context.writeAndFlush(response);
        }
    }
}
