package io.loopguard.designation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopguard.scenarios.frameworks.NettyLoops;
import io.loopguard.testkit.ForkedJvm;
import io.loopguard.testkit.Jdk;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Netty 4.2 (with Vert.x 5 on the test class path) and Netty 4.1 with its native epoll transport (on a class
 * path of its own): event loops are designated, except on threads whose {@code permitBlockingCalls()} is true.
 */
class NettyLoopsIT {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void netty42EventLoopsAreDesignatedUnlessTheirThreadPermitsBlocking(Jdk jdk) {
        ForkedJvm.Run run = ForkedJvm.on(jdk)
                .run(NettyLoops.class, "io-nio", "nio", "permitting-io-nio", "permitting-nio");
        Reported.by(run, NettyLoops.class)
                .once("sleepOnIoNio", "io-nio-")
                .once("sleepOnNio", "nio-")
                .never("sleepOnIoNioThatPermitsBlocking")
                .never("sleepOnNioThatPermitsBlocking")
                .andNothingElse(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.loopguard.testkit.Jdk#all")
    void netty41EpollAndNioEventLoopsAreDesignatedUnlessTheirThreadPermitsBlocking(Jdk jdk) throws Exception {
        ForkedJvm.Run run = ForkedJvm.on(jdk).classpath(netty41ClassPath())
                .run(NettyLoops.class, "epoll", "nio", "permitting-epoll", "permitting-nio");
        Reported.by(run, NettyLoops.class)
                .once("sleepOnEpoll", "epoll-")
                .once("sleepOnNio", "nio-")
                .never("sleepOnEpollThatPermitsBlocking")
                .never("sleepOnNioThatPermitsBlocking")
                .andNothingElse(2);
        assertTrue(run.stdout().contains("RESULT epoll ran on epoll-1"), run.stdout());
    }

    /** This module's scenarios and Netty 4.1 with epoll, which the build copied to its own folder. */
    private static String netty41ClassPath() throws IOException, URISyntaxException {
        Path scenarios = Path.of(NettyLoops.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> jars = Files.list(Path.of(System.getProperty("loopguard.test.netty41")))) {
            return Stream.concat(Stream.of(scenarios), jars.sorted())
                    .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
    }
}
