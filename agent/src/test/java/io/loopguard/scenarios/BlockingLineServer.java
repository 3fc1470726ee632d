package io.loopguard.scenarios;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.string.StringDecoder;
import io.netty.handler.codec.string.StringEncoder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A Netty line server whose handler blocks on its event loop: {@code sleep} lines call {@code Thread.sleep},
 * {@code park} lines {@code LockSupport.parkNanos}, each from a call site of its own, once per line. A client on
 * the main thread (allowed to block) sends the lines and waits for each answer, so the number of blocking calls
 * is exact.
 *
 * <p>Usage: {@code BlockingLineServer <dir> <step>...}, each step {@code sleep:<n>} or {@code park:<n>} (send
 * n such lines), or {@code wait:<name>} (create {@code <dir>/<name>-ready}, then wait for {@code <dir>/<name>-go},
 * at most a minute). Prints {@code PID <pid>}.
 */
public final class BlockingLineServer {

    public static void main(String[] args) throws Exception {
        System.out.println("PID " + ProcessHandle.current().pid());
        Path dir = Path.of(args[0]);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            Channel server = LoopbackServer.start(group, pipeline -> pipeline.addLast(new LineBasedFrameDecoder(80),
                    new StringDecoder(StandardCharsets.US_ASCII), new StringEncoder(StandardCharsets.US_ASCII),
                    new BlockingHandler()));
            try (Socket client = new Socket("127.0.0.1", LoopbackServer.port(server));
                 Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
                 BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                         StandardCharsets.US_ASCII))) {
                for (int i = 1; i < args.length; i++) {
                    String[] step = args[i].split(":");
                    if (step[0].equals("wait")) {
                        pause(dir, step[1]);
                        continue;
                    }
                    for (int n = Integer.parseInt(step[1]); n > 0; n--) {
                        out.write(step[0] + "\n");
                        out.flush();
                        in.readLine();
                    }
                }
            }
            server.close().sync();
        } finally {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
        }
    }

    private static void pause(Path dir, String name) throws Exception {
        Files.createFile(dir.resolve(name + "-ready"));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!Files.exists(dir.resolve(name + "-go")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** Blocks its event loop once per line, as a careless handler would. */
    static final class BlockingHandler extends SimpleChannelInboundHandler<String> {
        @Override
        protected void channelRead0(ChannelHandlerContext context, String line) throws InterruptedException {
            if (line.equals("sleep")) {
                Thread.sleep(1);
            } else {
                LockSupport.parkNanos(1_000);
            }
            context.writeAndFlush("ok\n");
        }
    }
}
