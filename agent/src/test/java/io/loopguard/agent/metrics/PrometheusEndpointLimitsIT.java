package io.loopguard.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.ListensOnPort;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The metrics endpoint against clients that are slow, many, too large or not local: scrapes are still
 * answered, requests have size and time limits, it listens on loopback unless told otherwise, and the
 * start-up line says which port the agent holds.
 */
class PrometheusEndpointLimitsIT {
    private static final String SCRAPE = "GET /metrics HTTP/1.1\r\nHost: localhost\r\n\r\n";
    /** A client gives up on an answer after this long: far more than any scrape needs, even on a busy machine. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    /**
     * The old endpoint answered on one thread, so one client that sent {@code G} and waited stopped every scrape
     * for as long as it stayed open. Here slow clients are open from before the first scrape to after the
     * last (each one the server closes at its time limit is opened again at once): every scrape being answered
     * at all proves that none waits for them, however slow the machine, with no bound on time to assert.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void scrapesAreAnsweredWhileSlowClientsHoldConnectionsOpen(Jdk jdk) throws Exception {
        int port = RunningApplication.freePort();
        RunningApplication app = RunningApplication.start(ForkedJvm.on(jdk).agentOptions("metrics-port=" + port), 1, 10);
        // Calls are counted as the reporting thread takes them, and series registered within half a second.
        for (int attempt = 0; attempt < 300 && !PrometheusText.scrape(port).body().contains("loopguard_blocking_calls_total");
             attempt++) {
            Thread.sleep(100);
        }
        try (SlowClients slow = SlowClients.hold(port, 200, 20)) {
            long started = System.nanoTime();
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 500; i++) { // all connected and asking before any answer is read
                clients.add(send(port, SCRAPE));
            }
            for (Socket client : clients) {
                String answer = readAll(client);
                assertTrue(answer.startsWith("HTTP/1.1 200 OK") && answer.contains("loopguard_blocking_calls_total"),
                        answer.lines().findFirst().orElse("(no answer)"));
            }
            System.out.printf("%s: 500 concurrent scrapes answered in %d ms while 220 slow clients were open"
                    + " (%d reopened after the server's time limit)%n", jdk,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), slow.reopened());
        } finally {
            app.stop();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void requestsHaveSizeAndTimeLimitsAndOnlyLoopbackIsServed(Jdk jdk) throws Exception {
        int port = RunningApplication.freePort();
        RunningApplication app = RunningApplication.start(ForkedJvm.on(jdk).agentOptions("metrics-port=" + port), 1, 1);
        ForkedJvm.Run run;
        try {
            String tooLarge = "GET /metrics HTTP/1.1\r\nX-Filler: " + "x".repeat(10_000) + "\r\n\r\n";
            assertStatus(431, readAll(send(port, tooLarge)));
            assertStatus(405, readAll(send(port, "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n")));
            assertStatus(404, readAll(send(port, "GET /elsewhere HTTP/1.1\r\n\r\n")));
            long started = System.nanoTime();
            assertEquals("", readAll(send(port, SlowClients.HALF_REQUEST)), "half a request gets no answer");
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(waited >= TimeUnit.NANOSECONDS.toMillis(ScrapeServer.REQUEST_LIMIT_NANOS) - 100,
                    "closed after the request time limit, not before: " + waited + " ms");
            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                assertThrows(ConnectException.class, () -> new Socket().connect(new InetSocketAddress(external.get(), port), 10_000));
            }
        } finally {
            run = app.stop();
        }
        assertTrue(run.stderr().contains(", metrics=http://127.0.0.1:" + port + "/metrics (port " + port
                + " is the agent's, not the application's)"), run.stderr());
    }

    /** The agent takes the port before main: the application cannot have it, and the start-up line says why. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void theStartupLineSaysWhichPortTheAgentHolds(Jdk jdk) throws Exception {
        int port = RunningApplication.freePort();
        ForkedJvm.Run run = ForkedJvm.on(jdk).agentOptions("metrics-port=" + port)
                .run(ListensOnPort.class, "" + port).assertSucceeded();
        assertTrue(run.stdout().contains("RESULT cannot listen on " + port + ": BindException"), run.toString());
        String startup = run.stderr().lines().filter(line -> line.startsWith("loopguard: active on")).findFirst()
                .orElseThrow();
        assertTrue(startup.contains(", metrics=http://127.0.0.1:" + port + "/metrics (port " + port
                + " is the agent's, not the application's)"), startup);
    }

    private static Socket send(int port, String request) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        return socket;
    }

    private static String readAll(Socket socket) throws IOException {
        try (socket; InputStream in = socket.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertStatus(int status, String answer) {
        assertTrue(answer.startsWith("HTTP/1.1 " + status + " "), answer);
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress()
                        && !address.isLinkLocalAddress()).findFirst();
    }
}
