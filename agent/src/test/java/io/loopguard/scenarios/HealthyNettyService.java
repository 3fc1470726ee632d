package io.loopguard.scenarios;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;

/**
 * A healthy Netty service, start to graceful shutdown: an HTTP server on loopback serving keep-alive
 * requests from a client on a plain thread, TLS handshakes with the JDK's SSLEngine on event loops at
 * both ends (delegated tasks run on the loop), a {@link HashedWheelTimer}, {@link GlobalEventExecutor} and
 * scheduled tasks. Nothing in it blocks an event loop, so Loopguard must report nothing.
 *
 * <p>Usage: {@code HealthyNettyService <requests> <tls-connections> <pkcs12-keystore> <password>}.
 */
public final class HealthyNettyService {
    private static final byte[] BODY = "ok".getBytes(StandardCharsets.UTF_8);

    public static void main(String[] args) throws Exception {
        int requests = Integer.parseInt(args[0]);
        int tlsConnections = Integer.parseInt(args[1]);
        SslContext serverTls = SslContextBuilder.forServer(keyManagers(args[2], args[3].toCharArray()))
                .sslProvider(SslProvider.JDK).build();
        SslContext clientTls = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
                .sslProvider(SslProvider.JDK).build();
        HashedWheelTimer timer = new HashedWheelTimer();
        AtomicInteger timeouts = new AtomicInteger();
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try {
            Channel plain = server(boss, workers, null, timer, timeouts);
            Channel tls = server(boss, workers, serverTls, timer, timeouts);
            int served = keepAliveClient(((InetSocketAddress) plain.localAddress()).getPort(), requests);
            for (int i = 0; i < tlsConnections; i++) {
                tlsRequest(workers, clientTls, (InetSocketAddress) tls.localAddress());
            }
            plain.close().sync();
            tls.close().sync();
            System.out.println("RESULT served " + served + " keep-alive requests and " + tlsConnections
                    + " over TLS; timer fired " + timeouts.get());
        } finally {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
            timer.stop();
        }
    }

    private static Channel server(EventLoopGroup boss, EventLoopGroup workers, SslContext tls, HashedWheelTimer timer,
                                  AtomicInteger timeouts) throws InterruptedException {
        return new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        if (tls != null) {
                            channel.pipeline().addLast(tls.newHandler(channel.alloc()));
                        }
                        channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65_536),
                                new OkHandler(timer, timeouts));
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
    }

    /** Answers every request with 200 ok; now and then also uses a timer, the global executor and the loop's scheduler. */
    private static final class OkHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private static final AtomicInteger REQUESTS = new AtomicInteger();
        private final HashedWheelTimer timer;
        private final AtomicInteger timeouts;

        OkHandler(HashedWheelTimer timer, AtomicInteger timeouts) {
            this.timer = timer;
            this.timeouts = timeouts;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            if (REQUESTS.incrementAndGet() % 1_000 == 0) {
                timer.newTimeout(timeout -> timeouts.incrementAndGet(), 1, TimeUnit.MILLISECONDS);
                GlobalEventExecutor.INSTANCE.execute(timeouts::incrementAndGet);
                ctx.executor().schedule(timeouts::incrementAndGet, 1, TimeUnit.MILLISECONDS);
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(BODY));
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, BODY.length);
            HttpUtil.setKeepAlive(response, HttpUtil.isKeepAlive(request));
            ctx.writeAndFlush(response);
        }
    }

    /** Sends {@code requests} requests over one keep-alive connection, each after the previous answer. */
    private static int keepAliveClient(int port, int requests) throws Exception {
        int[] served = {0};
        Thread client = new Thread(() -> {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                byte[] request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                for (int i = 0; i < requests; i++) {
                    out.write(request);
                    readResponse(in);
                    served[0]++;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "keep-alive-client");
        client.start();
        client.join();
        return served[0];
    }

    /** Reads one response with a Content-Length body. */
    private static void readResponse(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IllegalStateException("connection closed after: " + head);
            }
            head.append((char) next);
        }
        String lower = head.toString().toLowerCase();
        int at = lower.indexOf("content-length:") + "content-length:".length();
        int length = Integer.parseInt(lower.substring(at, lower.indexOf("\r\n", at)).trim());
        in.readNBytes(length);
    }

    /** One request through a Netty client with the JDK's TLS: the handshake runs on the client's event loop too. */
    private static void tlsRequest(EventLoopGroup group, SslContext tls, InetSocketAddress server) throws Exception {
        Promise<String> answer = GlobalEventExecutor.INSTANCE.newPromise();
        Channel channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(tls.newHandler(channel.alloc(), "localhost", server.getPort()),
                                new HttpClientCodec(), new HttpObjectAggregator(65_536),
                                new SimpleChannelInboundHandler<FullHttpResponse>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
                                        answer.trySuccess(response.content().toString(StandardCharsets.UTF_8));
                                    }
                                });
                    }
                })
                .connect(server).sync().channel();
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        request.headers().set(HttpHeaderNames.HOST, "localhost").set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        channel.writeAndFlush(request);
        String body = answer.get(30, TimeUnit.SECONDS);
        if (!body.equals("ok")) {
            throw new IllegalStateException("unexpected answer over TLS: " + body);
        }
        channel.close().sync();
    }

    private static KeyManagerFactory keyManagers(String keystore, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore)) {
            store.load(in, password);
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory;
    }
}
